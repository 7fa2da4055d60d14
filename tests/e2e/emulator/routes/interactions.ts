import { performance } from 'node:perf_hooks';
import { ApiError, errors } from '../http.js';
import { createMessage, editMessage } from '../messages.js';
import type { StoredMessage } from '../records.js';
import type { DispatchedInteraction, EmulatorState } from '../state.js';
import { validateChoices, validateMessage } from '../validate.js';
import type { Json, Route, RouteRequest } from './route.js';
import { SNOWFLAKE } from './route.js';

/** Interaction callback types (Discord API docs, "interaction callback type"). */
export const CallbackType = {
  Pong: 1,
  ChannelMessage: 4,
  DeferredChannelMessage: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

const LOADING_FLAG = 1 << 7;
const TOKEN = '([^/]+)';
const MESSAGE = `(@original|${SNOWFLAKE.slice(1, -1)})`;

export const interactionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^/interactions/${SNOWFLAKE}/${TOKEN}/callback$`),
    auth: 'none',
    handle: callback,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/webhooks/${SNOWFLAKE}/${TOKEN}$`),
    auth: 'none',
    handle({ state, params: [app = '', token = ''], body, files, query }) {
      const interaction = webhookInteraction(state, app, token);
      if (interaction.callbackType === null) throw errors.unknownWebhook();
      validateMessage(body, files.length);
      const stored = createMessage(state, {
        channelId: String(interaction.payload.channel_id),
        guildId: (interaction.payload.guild_id as string | undefined) ?? null,
        body,
        files,
        source: 'follow-up',
        interactionId: interaction.id,
      });
      interaction.followUpIds.push(stored.id);
      return query.get('wait') === 'true' ? { status: 200, body: stored.api } : { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/webhooks/${SNOWFLAKE}/${TOKEN}/messages/${MESSAGE}$`),
    auth: 'none',
    handle({ state, params: [app = '', token = '', messageId = ''] }) {
      const interaction = webhookInteraction(state, app, token);
      return { status: 200, body: webhookMessage(state, interaction, messageId).api };
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^/webhooks/${SNOWFLAKE}/${TOKEN}/messages/${MESSAGE}$`),
    auth: 'none',
    handle({ state, params: [app = '', token = '', messageId = ''], body, files }) {
      const interaction = webhookInteraction(state, app, token);
      const stored = webhookMessage(state, interaction, messageId);
      validateMessage(body, files.length, false);
      editMessage(state, stored, body, files);
      // Editing a deferred reply replaces the "thinking…" state.
      stored.api.flags = (stored.api.flags as number) & ~LOADING_FLAG;
      stored.flags = stored.api.flags as number;
      return { status: 200, body: stored.api };
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/webhooks/${SNOWFLAKE}/${TOKEN}/messages/${MESSAGE}$`),
    auth: 'none',
    handle({ state, params: [app = '', token = '', messageId = ''] }) {
      const interaction = webhookInteraction(state, app, token);
      state.messages.delete(webhookMessage(state, interaction, messageId).id);
      return { status: 204 };
    },
  },
];

/**
 * POST /interactions/:id/:token/callback. Every attempt is recorded, the refused ones too: a
 * second response is 400/40060, one after the response window (3 s) is 404/10062, as on Discord.
 */
function callback(request: RouteRequest) {
  const { state, params, body, files, query } = request;
  const [interactionId = '', token = ''] = params;
  const interaction = state.interactions.get(interactionId);
  const type = typeof body.type === 'number' ? body.type : -1;
  const elapsedMs = interaction ? performance.now() - interaction.dispatchedAt : -1;
  const record = (status: number, errorCode: number | null): void => {
    state.callbacks.push({
      interactionId,
      type,
      data: body.data ?? null,
      files,
      elapsedMs,
      status,
      errorCode,
      at: state.now(),
    });
    state.changed();
  };
  try {
    if (!interaction || interaction.token !== token) throw errors.unknownInteraction();
    if (interaction.callbackType !== null) throw errors.alreadyAcknowledged();
    if (elapsedMs > state.options.interactionResponseWindowMs) throw errors.unknownInteraction();
    const message = applyCallback(state, interaction, type, (body.data ?? {}) as Json, request);
    interaction.callbackType = type;
    const answer =
      query.get('with_response') === 'true'
        ? { status: 200, body: callbackResponse(interaction, type, message) }
        : { status: 204 };
    record(answer.status, null);
    return answer;
  } catch (error) {
    if (error instanceof ApiError) record(error.status, error.code);
    throw error;
  }
}

function applyCallback(
  state: EmulatorState,
  interaction: DispatchedInteraction,
  type: number,
  data: Json,
  { files }: RouteRequest,
): StoredMessage | null {
  const isAutocomplete = interaction.type === 4;
  if (isAutocomplete !== (type === CallbackType.AutocompleteResult)) {
    throw new ApiError(400, 50035, 'Invalid Form Body', {
      type: {
        _errors: [
          {
            code: 'INTERACTION_CALLBACK_TYPE_INVALID',
            message: 'Invalid callback type for this interaction',
          },
        ],
      },
    });
  }
  const newOriginal = (messageData: Json): StoredMessage => {
    const stored = createMessage(state, {
      channelId: String(interaction.payload.channel_id),
      guildId: (interaction.payload.guild_id as string | undefined) ?? null,
      body: messageData,
      files,
      source: 'interaction',
      interactionId: interaction.id,
    });
    interaction.originalMessageId = stored.id;
    return stored;
  };
  switch (type) {
    case CallbackType.ChannelMessage:
      validateMessage(data, files.length);
      return newOriginal(data);
    case CallbackType.DeferredChannelMessage: {
      const flags = (typeof data.flags === 'number' ? data.flags : 0) | LOADING_FLAG;
      return newOriginal({ flags });
    }
    case CallbackType.UpdateMessage: {
      validateMessage(data, files.length, false);
      const target = componentMessage(state, interaction);
      return target ? editMessage(state, target, data, files) : null;
    }
    case CallbackType.AutocompleteResult:
      validateChoices(data);
      return null;
    case CallbackType.Pong:
    case CallbackType.DeferredUpdateMessage:
    case CallbackType.Modal:
      return null;
    default:
      throw new ApiError(400, 50035, 'Invalid Form Body', {
        type: {
          _errors: [
            { code: 'BASE_TYPE_CHOICES', message: `Value ${type} is not a valid callback type.` },
          ],
        },
      });
  }
}

function callbackResponse(
  interaction: DispatchedInteraction,
  type: number,
  message: StoredMessage | null,
) {
  return {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (message.flags & LOADING_FLAG) !== 0,
            response_message_ephemeral: (message.flags & (1 << 6)) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message: message.api } : {}) },
  };
}

/** The interaction behind a webhook token: 10015 if unknown, 50027 once the 15 minutes are over. */
function webhookInteraction(
  state: EmulatorState,
  applicationId: string,
  token: string,
): DispatchedInteraction {
  const interaction = state.interactionsByToken.get(token);
  if (!interaction || applicationId !== state.world.applicationId) throw errors.unknownWebhook();
  if (performance.now() - interaction.dispatchedAt > state.options.interactionTokenTtlMs) {
    throw errors.invalidWebhookToken();
  }
  return interaction;
}

/** `@original` is the reply, or for a component's deferred update, the message it sits on. */
function webhookMessage(
  state: EmulatorState,
  interaction: DispatchedInteraction,
  messageId: string,
): StoredMessage {
  if (messageId === '@original') {
    const original = interaction.originalMessageId
      ? state.messages.get(interaction.originalMessageId)
      : componentMessage(state, interaction);
    if (!original) throw errors.unknownMessage();
    return original;
  }
  if (!interaction.followUpIds.includes(messageId)) throw errors.unknownMessage();
  const followUp = state.messages.get(messageId);
  if (!followUp) throw errors.unknownMessage();
  return followUp;
}

function componentMessage(
  state: EmulatorState,
  interaction: DispatchedInteraction,
): StoredMessage | undefined {
  const message = interaction.payload.message as Json | undefined;
  return typeof message?.id === 'string' ? state.messages.get(message.id) : undefined;
}
