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

/** Discord's answer for a channel that is gone. */
const UNKNOWN_CHANNEL = RESTJSONErrorCodes.UnknownChannel;
/** Its answer for a channel the bot may not see: without View Channel it may do nothing there. */
const MISSING_ACCESS = RESTJSONErrorCodes.MissingAccess;

/**
 * What the bot may do in a channel: the channel is fetched (one GET, its overwrites included), and
 * the bot's permissions come from it and the guild's cached @everyone and own roles.
 *
 * Channels are not cached (cache.ts): only a setup or resume asks about one, and at 2,500 servers
 * their cache was the bulk of the bot's memory. Fetching also answers rightly for a channel the bot
 * cannot see: Discord hides such channels from the bot over HTTP, and from November 2026 it
 * obfuscates them over the gateway too, so a cached copy could not say what the bot lacks there.
 */
export function createChannelInspector(client: Client): ChannelInspector {
  return {
    async inspect(guildId, channelId) {
      const guild = client.guilds.cache.get(guildId);
      if (!guild) return { kind: 'not-found' };
      // Only a channel Discord says is gone is "not found". Any other failure (a 5xx, a reset
      // connection) goes to the router's catch: an admin told the channel was deleted, or that
      // the bot lacks every permission, would go and fix the wrong thing.
      const fetched = await guild.channels
        .fetch(channelId, { cache: false, force: true })
        .catch((error: unknown) => {
          const code = (error as { code?: unknown } | null)?.code;
          if (code === UNKNOWN_CHANNEL) return 'gone' as const;
          if (code === MISSING_ACCESS) return 'hidden' as const;
          throw error;
        });
      // The others cannot be read until the bot can see the channel, and View Channel is the one
      // to grant first; the next check lists whatever is still missing.
      if (fetched === 'hidden') return { kind: 'ok', name: null, missing: ['ViewChannel'] };
      if (fetched === 'gone' || !fetched || !fetched.isTextBased()) return { kind: 'not-found' };
      const me = guild.members.me ?? (await guild.members.fetchMe());
      // The roles cache keeps only the bot's own (cache.ts); one given to the bot after its
      // GUILD_CREATE was not kept when created, so fetch the roles before counting on them.
      if (me.roles.cache.size < heldRoleIds(me).length + 1) await guild.roles.fetch();
      const permissions = fetched.permissionsFor(me);
      const missing = CHANNEL_PERMISSIONS.filter(
        (name) => !permissions?.has(PermissionFlagsBits[name]),
      );
      return { kind: 'ok', name: fetched.name, missing };
    },
  };
}
