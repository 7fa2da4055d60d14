import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { Routes, type REST } from 'discord.js';
import type { DirectMessenger, DmBody, DmOutcome } from '../community/follow-dms.js';
import { readErrorCode } from './channel-errors.js';

/**
 * DMs through REST: open (or find) the DM channel, then post with a nonce, so a retry after a
 * crash within Discord's nonce window returns the first message instead of a second one.
 * Discord's 50007 ("Cannot send messages to this user") means the member's DMs are closed.
 */
export function createRestMessenger(rest: Pick<REST, 'post'>): DirectMessenger {
  const channels = new Map<string, string>();
  return {
    async send(userId: string, body: DmBody): Promise<DmOutcome> {
      try {
        let channelId = channels.get(userId);
        if (!channelId) {
          const channel = (await rest.post(Routes.userChannels(), {
            body: { recipient_id: userId },
          })) as { id: string };
          channelId = channel.id;
          if (channels.size > 10_000) channels.clear();
          channels.set(userId, channelId);
        }
        await rest.post(Routes.channelMessages(channelId), {
          body: { ...body, enforce_nonce: true, allowed_mentions: { parse: [] } },
        });
        return { kind: 'sent' };
      } catch (error) {
        const code = readErrorCode(error);
        if (code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return { kind: 'refused' };
        return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
