import { ChannelType } from 'discord-api-types/v10';
import type { FixtureUser, World } from '../fixtures.js';
import { apiUser } from '../fixtures.js';
import { errors } from '../http.js';
import type { EmulatorState } from '../state.js';
import type { Route } from './route.js';

/** A user the bot could DM: a human member of any guild of the world. */
function findHuman(world: World, userId: string): FixtureUser | undefined {
  for (const guild of world.guilds) {
    const member = guild.members.find((m) => m.user.id === userId);
    if (member && !member.user.bot) return member.user;
  }
  return undefined;
}

/** The user's DM channel, made on first use: Discord answers the same channel every time. */
export function openDmChannel(state: EmulatorState, userId: string): { id: string } {
  for (const channel of state.dmChannels.values()) if (channel.userId === userId) return channel;
  const channel = { id: state.ids.next(), userId };
  state.dmChannels.set(channel.id, channel);
  return channel;
}

export const userRoutes: Route[] = [
  {
    // Opening a DM always succeeds for a known user, closed DMs or not: Discord refuses only the
    // message (403/50007), which is what the bot must handle.
    method: 'POST',
    pattern: /^\/users\/@me\/channels$/,
    auth: 'bot',
    handle({ state, body }) {
      const recipientId = typeof body.recipient_id === 'string' ? body.recipient_id : '';
      const user = findHuman(state.world, recipientId);
      if (!user) throw errors.invalidRecipient();
      const channel = openDmChannel(state, user.id);
      return {
        status: 200,
        body: {
          id: channel.id,
          type: ChannelType.DM,
          last_message_id: null,
          flags: 0,
          recipients: [apiUser(user)],
        },
      };
    },
  },
];
