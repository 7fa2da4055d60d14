import { PermissionFlagsBits, RESTJSONErrorCodes, type Client } from 'discord.js';
import type { ChannelInspector, ChannelPermission } from '../commands/types.js';
import { heldRoleIds } from './cache.js';

/**
 * Every permission the bot uses, checked in a schedule's channel and asked for by `npm run invite`
 * (src/discord/invite-url.ts): the one list of them.
 */
export const CHANNEL_PERMISSIONS: readonly ChannelPermission[] = [
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'CreatePublicThreads',
  'SendMessagesInThreads',
  'SendPolls',
];

/** Discord's answers for a channel that is gone or out of the bot's sight. */
const GONE: ReadonlySet<unknown> = new Set([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
]);

/**
 * What the bot may do in a channel, from the guild's cached roles and overwrites (the Guilds intent
 * delivers both), so a setup check costs no request.
 */
export function createChannelInspector(client: Client): ChannelInspector {
  return {
    async inspect(guildId, channelId) {
      const guild = client.guilds.cache.get(guildId);
      if (!guild) return { kind: 'not-found' };
      // Only a channel Discord says is gone is "not found". Any other failure (a 5xx, a reset
      // connection) goes to the router's catch: an admin told the channel was deleted, or that
      // the bot lacks every permission, would go and fix the wrong thing.
      const channel =
        guild.channels.cache.get(channelId) ??
        (await guild.channels.fetch(channelId).catch((error: unknown) => {
          if (GONE.has((error as { code?: unknown } | null)?.code)) return null;
          throw error;
        }));
      if (!channel || !channel.isTextBased()) return { kind: 'not-found' };
      const me = guild.members.me ?? (await guild.members.fetchMe());
      // The roles cache keeps only the bot's own (cache.ts); one given to the bot after its
      // GUILD_CREATE was not kept when created, so fetch the roles before counting on them.
      if (me.roles.cache.size < heldRoleIds(me).length + 1) await guild.roles.fetch();
      const permissions = channel.permissionsFor(me);
      const missing = CHANNEL_PERMISSIONS.filter(
        (name) => !permissions?.has(PermissionFlagsBits[name]),
      );
      return { kind: 'ok', name: channel.name, missing };
    },
  };
}
