import { apiUser } from './fixtures.js';
import type { StoredMessage, UploadedFile } from './records.js';
import type { EmulatorState } from './state.js';

type Json = Record<string, unknown>;

export interface NewMessage {
  channelId: string;
  guildId: string | null;
  body: Json;
  files: UploadedFile[];
  source: StoredMessage['source'];
  interactionId: string | null;
}

/** Stores a message the bot sent and builds the APIMessage REST answers with. */
export function createMessage(state: EmulatorState, input: NewMessage): StoredMessage {
  const id = state.ids.next();
  const { body } = input;
  const interaction = input.interactionId ? state.interactions.get(input.interactionId) : undefined;
  const api: Json = {
    id,
    channel_id: input.channelId,
    ...(input.guildId ? { guild_id: input.guildId } : {}),
    author: apiUser(state.world.bot),
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentsOf(state, input.files),
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    type: input.source === 'channel' ? 0 : 20,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
    ...(body.poll ? { poll: pollOf(body.poll as Json) } : {}),
    ...(interaction
      ? {
          webhook_id: state.world.applicationId,
          application_id: state.world.applicationId,
          interaction_metadata: {
            id: interaction.id,
            type: interaction.type,
            user: (interaction.payload.member as Json | undefined)?.user,
            authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
          },
        }
      : {}),
  };
  const stored: StoredMessage = {
    id,
    channelId: input.channelId,
    source: input.source,
    interactionId: input.interactionId,
    content: api.content as string,
    embeds: api.embeds as unknown[],
    components: api.components as unknown[],
    poll: api.poll ?? null,
    flags: api.flags as number,
    allowedMentions: body.allowed_mentions ?? null,
    nonce: typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : null,
    files: input.files,
    api,
    createdAt: state.now(),
    editedAt: null,
  };
  state.messages.set(id, stored);
  return stored;
}

/** Applies an edit (PATCH): only the fields present change, as on Discord. */
export function editMessage(
  state: EmulatorState,
  stored: StoredMessage,
  body: Json,
  files: UploadedFile[],
): StoredMessage {
  const api = stored.api;
  if ('content' in body) api.content = body.content ?? '';
  if ('embeds' in body) api.embeds = body.embeds ?? [];
  if ('components' in body) api.components = body.components ?? [];
  if ('flags' in body && typeof body.flags === 'number') api.flags = body.flags;
  if (files.length > 0 || 'attachments' in body) api.attachments = attachmentsOf(state, files);
  api.edited_timestamp = new Date().toISOString();
  Object.assign(stored, {
    content: api.content,
    embeds: api.embeds,
    components: api.components,
    flags: api.flags,
    files: files.length > 0 ? files : stored.files,
    allowedMentions: body.allowed_mentions ?? stored.allowedMentions,
    editedAt: state.now(),
  });
  return stored;
}

function attachmentsOf(state: EmulatorState, files: UploadedFile[]): Json[] {
  return files.map((file) => {
    const id = state.ids.next();
    return {
      id,
      filename: file.filename,
      size: file.size,
      content_type: file.contentType,
      url: `https://cdn.invalid/attachments/${id}/${file.filename}`,
      proxy_url: `https://media.invalid/attachments/${id}/${file.filename}`,
    };
  });
}

/** A request poll becomes a message poll: answers get ids, duration (hours) becomes an expiry. */
function pollOf(poll: Json): Json {
  const answers = Array.isArray(poll.answers) ? (poll.answers as Json[]) : [];
  const hours = typeof poll.duration === 'number' ? poll.duration : 24;
  return {
    question: poll.question,
    answers: answers.map((answer, index) => ({
      answer_id: index + 1,
      poll_media: answer.poll_media,
    })),
    expiry: new Date(Date.now() + hours * 3_600_000).toISOString(),
    allow_multiselect: poll.allow_multiselect === true,
    layout_type: typeof poll.layout_type === 'number' ? poll.layout_type : 1,
    results: { is_finalized: false, answer_counts: [] },
  };
}
