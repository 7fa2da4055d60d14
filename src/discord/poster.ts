import { Routes, type REST } from 'discord.js';
import type { Poster } from '../schedule/runner.js';
import { classifyPostError } from './channel-errors.js';

/**
 * Posts through REST, not through cached channel objects: the runner needs no cache, and the raw
 * create-message body carries `nonce` + `enforce_nonce`, so a post repeated after a crash within
 * Discord's nonce window is returned, not created twice.
 */
export function createRestPoster(rest: REST): Poster {
  return {
    async post(channelId, body) {
      const message = (await rest.post(Routes.channelMessages(channelId), {
        body: { ...body, enforce_nonce: true },
      })) as { id: string };
      return { messageId: message.id };
    },
    async openThread(channelId, messageId, thread) {
      await rest.post(Routes.threads(channelId, messageId), { body: thread });
    },
    classify: classifyPostError,
  };
}
