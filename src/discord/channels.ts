import { PermissionFlagsBits, type Client } from 'discord.js';
import type { ChannelInspector, ChannelPermission } from '../commands/types.js';

const CHECKED: readonly ChannelPermission[] = [
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'CreatePublicThreads',
  'SendMessagesInThreads',
  'SendPolls',
];

/**
 * What the bot may do in a channel, from the guild's cached roles and overwrites (the Guilds intent
 * delivers both), so a setup check costs no request.
 */
export function createChannelInspector(client: Client): ChannelInspector {
  return {
    async inspect(guildId, channelId) {
      const guild = client.guilds.cache.get(guildId);
      if (!guild) return { kind: 'not-found' };
      const channel =
        guild.channels.cache.get(channelId) ??
        (await guild.channels.fetch(channelId).catch(() => null));
      if (!channel || !channel.isTextBased()) return { kind: 'not-found' };
      const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
      const permissions = me ? channel.permissionsFor(me) : null;
      const missing = CHECKED.filter((name) => !permissions?.has(PermissionFlagsBits[name]));
      return { kind: 'ok', name: channel.name, missing };
    },
  };
}
