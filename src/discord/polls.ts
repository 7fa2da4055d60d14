import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { Routes, type REST } from 'discord.js';
import type { PollDiscord } from '../community/poll-results.js';
import { classifyPostError, readErrorCode } from './channel-errors.js';

interface ApiPoll {
  question?: { text?: string };
  answers?: { answer_id: number; poll_media?: { text?: string } }[];
  results?: { is_finalized?: boolean; answer_counts?: { id: number; count: number }[] };
}

/** Where the results can never go: the message, the channel or access to it is gone. */
const GONE = new Set<unknown>([
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownGuild,
]);

/** Reads a poll's counts from its message and posts the results, through REST. */
export function createRestPollDiscord(rest: Pick<REST, 'get' | 'post'>): PollDiscord {
  return {
    async read(channelId, messageId) {
      let message: { poll?: ApiPoll };
      try {
        message = (await rest.get(Routes.channelMessage(channelId, messageId))) as {
          poll?: ApiPoll;
        };
      } catch (error) {
        if (readErrorCode(error) === RESTJSONErrorCodes.UnknownMessage) {
          return { kind: 'gone', reason: 'the message was deleted' };
        }
        throw error;
      }
      const poll = message.poll;
      // Posted without its poll (the channel refused polls): nothing to report.
      if (!poll) return { kind: 'gone', reason: 'the message carries no poll' };
      const counts = new Map((poll.results?.answer_counts ?? []).map((c) => [c.id, c.count]));
      return {
        kind: 'poll',
        poll: {
          question: poll.question?.text ?? '',
          answers: (poll.answers ?? []).map((a) => ({
            text: a.poll_media?.text ?? '',
            count: counts.get(a.answer_id) ?? 0,
          })),
          finalized: poll.results?.is_finalized === true,
        },
      };
    },
    async postResults(channelId, messageId, body) {
      const payload = { ...body, enforce_nonce: true };
      try {
        // A thread opened on a message has the message's id.
        const sent = (await rest.post(Routes.channelMessages(messageId), { body: payload })) as {
          id: string;
        };
        return { messageId: sent.id };
      } catch (error) {
        const code = readErrorCode(error);
        if (code !== RESTJSONErrorCodes.UnknownChannel && code !== RESTJSONErrorCodes.MissingAccess)
          throw error;
      }
      const sent = (await rest.post(Routes.channelMessages(channelId), {
        body: {
          ...payload,
          message_reference: { message_id: messageId, fail_if_not_exists: false },
        },
      })) as { id: string };
      return { messageId: sent.id };
    },
    classify(error) {
      if (GONE.has(readErrorCode(error)))
        return { kind: 'gone', reason: classifyPostError(error).reason };
      const failure = classifyPostError(error);
      return { kind: failure.kind === 'retry' ? 'retry' : 'gone', reason: failure.reason };
    },
  };
}
