import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { FixtureChannel, FixtureGuild } from '../fixtures.js';
import { apiChannel, isThread } from '../fixtures.js';
import { ApiError, errors } from '../http.js';
import { createMessage, editMessage } from '../messages.js';
import type { StoredMessage } from '../records.js';
import type { EmulatorState } from '../state.js';
import { validateMessage } from '../validate.js';
import type { Json, Route, RouteRequest } from './route.js';
import { botPermissionsIn, liveChannel, SNOWFLAKE } from './route.js';

const THREAD_ARCHIVE_MINUTES = [60, 1440, 4320, 10080];

export const channelRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/channels/${SNOWFLAKE}$`),
    auth: 'bot',
    handle({ state, params: [channelId = ''] }) {
      const { guild, channel } = liveChannel(state, channelId);
      botPermissionsIn(state, guild, channel);
      return { status: 200, body: apiChannel(channel) };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/channels/${SNOWFLAKE}/messages$`),
    auth: 'bot',
    handle: postMessage,
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/channels/${SNOWFLAKE}/messages/${SNOWFLAKE}$`),
    auth: 'bot',
    handle({ state, params: [channelId = '', messageId = ''] }) {
      const { guild, channel } = liveChannel(state, channelId);
      botPermissionsIn(state, guild, channel);
      return { status: 200, body: messageIn(state, channelId, messageId).api };
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^/channels/${SNOWFLAKE}/messages/${SNOWFLAKE}$`),
    auth: 'bot',
    handle({ state, params: [channelId = '', messageId = ''], body, files }) {
      const { guild, channel } = liveChannel(state, channelId);
      botPermissionsIn(state, guild, channel);
      const stored = messageIn(state, channelId, messageId);
      validateMessage(body, files.length, false);
      return { status: 200, body: editMessage(state, stored, body, files).api };
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/channels/${SNOWFLAKE}/messages/${SNOWFLAKE}$`),
    auth: 'bot',
    handle({ state, params: [channelId = '', messageId = ''] }) {
      liveChannel(state, channelId);
      messageIn(state, channelId, messageId);
      state.messages.delete(messageId);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/channels/${SNOWFLAKE}/messages/${SNOWFLAKE}/threads$`),
    auth: 'bot',
    handle({ state, params: [channelId = '', messageId = ''], body }) {
      const { guild, channel } = liveChannel(state, channelId);
      requirePermission(
        botPermissionsIn(state, guild, channel),
        PermissionFlagsBits.CreatePublicThreads,
      );
      messageIn(state, channelId, messageId);
      if (state.threads.some((t) => t.messageId === messageId)) {
        throw new ApiError(400, 160004, 'A thread has already been created for this message');
      }
      // A thread started from a message shares the message's id.
      return { status: 201, body: createThread(state, guild, channel, messageId, messageId, body) };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/channels/${SNOWFLAKE}/threads$`),
    auth: 'bot',
    handle({ state, params: [channelId = ''], body }) {
      const { guild, channel } = liveChannel(state, channelId);
      const privateThread = body.type === ChannelType.PrivateThread;
      requirePermission(
        botPermissionsIn(state, guild, channel),
        privateThread
          ? PermissionFlagsBits.CreatePrivateThreads
          : PermissionFlagsBits.CreatePublicThreads,
      );
      return {
        status: 201,
        body: createThread(state, guild, channel, state.ids.next(), null, body),
      };
    },
  },
];

/**
 * POST /channels/:id/messages. With `enforce_nonce`, a nonce seen in this channel within the
 * window returns the message it made instead of making a second one, as Discord documents.
 */
function postMessage(request: RouteRequest) {
  const { state, params, body, files } = request;
  const channelId = params[0] ?? '';
  const dm = state.dmChannels.get(channelId);
  if (dm) return postDirectMessage(request, dm);
  const { guild, channel } = liveChannel(state, channelId);
  const permissions = botPermissionsIn(state, guild, channel);
  requirePermission(
    permissions,
    isThread(channel.type)
      ? PermissionFlagsBits.SendMessagesInThreads
      : PermissionFlagsBits.SendMessages,
  );
  if (body.poll) requirePermission(permissions, PermissionFlagsBits.SendPolls);
  if (files.length > 0) requirePermission(permissions, PermissionFlagsBits.AttachFiles);
  validateMessage(body, files.length);
  return createOncePerNonce(request, channelId, guild.id);
}

/**
 * The message a checked POST makes, made once per nonce: a nonce seen in the channel within the
 * window answers with the message it made before. Guild channels and DMs share this step.
 */
function createOncePerNonce(
  { state, body, files }: RouteRequest,
  channelId: string,
  guildId: string | null,
) {
  const nonceKey = nonceKeyOf(channelId, body);
  const earlier = messageForNonce(state, nonceKey);
  if (earlier) return { status: 200, body: earlier.api };
  const stored = createMessage(state, {
    channelId,
    guildId,
    body,
    files,
    source: 'channel',
    interactionId: null,
  });
  if (nonceKey) state.nonces.set(nonceKey, { messageId: stored.id, at: state.now() });
  return { status: 200, body: stored.api };
}

/**
 * A message in a DM channel: no guild and no permissions, but the user may have closed their
 * DMs to the bot, and then Discord answers 403/50007 "Cannot send messages to this user".
 */
function postDirectMessage(request: RouteRequest, dm: { id: string; userId: string }) {
  const { state, body, files } = request;
  if (state.closedDms.has(dm.userId)) throw errors.cannotSendToUser();
  validateMessage(body, files.length);
  return createOncePerNonce(request, dm.id, null);
}

/** With `enforce_nonce`, the key a nonce is remembered under in this channel; else null. */
function nonceKeyOf(channelId: string, body: Json): string | null {
  const nonce = body.nonce;
  return body.enforce_nonce === true && (typeof nonce === 'string' || typeof nonce === 'number')
    ? `${channelId}:${nonce}`
    : null;
}

/** The message a nonce made within the window, which a repeat returns instead of a new one. */
function messageForNonce(state: EmulatorState, nonceKey: string | null): StoredMessage | null {
  if (!nonceKey) return null;
  const seen = state.nonces.get(nonceKey);
  const earlier = seen ? state.messages.get(seen.messageId) : undefined;
  return seen && earlier && state.now() - seen.at <= state.options.nonceWindowMs ? earlier : null;
}

function messageIn(state: EmulatorState, channelId: string, messageId: string): StoredMessage {
  const stored = state.messages.get(messageId);
  if (!stored || stored.channelId !== channelId) throw errors.unknownMessage();
  return stored;
}

function requirePermission(permissions: bigint, bit: bigint): void {
  if ((permissions & bit) !== bit) throw errors.missingPermissions();
}

function createThread(
  state: EmulatorState,
  guild: FixtureGuild,
  parent: FixtureChannel,
  threadId: string,
  messageId: string | null,
  body: Json,
): Json {
  const name = typeof body.name === 'string' ? body.name : '';
  if (name.length < 1 || name.length > 100) {
    throw errors.invalidFormBody({
      name: {
        _errors: [
          { code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' },
        ],
      },
    });
  }
  const autoArchiveDuration =
    typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 4320;
  if (!THREAD_ARCHIVE_MINUTES.includes(autoArchiveDuration)) {
    throw errors.invalidFormBody({
      auto_archive_duration: {
        _errors: [
          {
            code: 'BASE_TYPE_CHOICES',
            message: `Value must be one of {${THREAD_ARCHIVE_MINUTES.join(', ')}}.`,
          },
        ],
      },
    });
  }
  const thread: FixtureChannel = {
    id: threadId,
    guildId: guild.id,
    name,
    type:
      body.type === ChannelType.PrivateThread
        ? ChannelType.PrivateThread
        : ChannelType.PublicThread,
    position: 0,
    parentId: parent.id,
    overwrites: [],
    deleted: false,
    ownerId: state.world.bot.id,
    autoArchiveDuration,
  };
  guild.channels.push(thread);
  state.threads.push({
    id: threadId,
    guildId: guild.id,
    parentId: parent.id,
    messageId,
    name,
    autoArchiveDuration,
    at: state.now(),
  });
  const api = { ...apiChannel(thread), newly_created: true };
  state.emitGuildEvent(guild.id, 'THREAD_CREATE', api);
  return api;
}
