import {
  Events,
  GatewayDispatchEvents,
  Options,
  type CacheFactory,
  type CacheWithLimitsOptions,
  type Client,
  type GatewayDispatchPayload,
  type Role,
  type SweeperOptions,
} from 'discord.js';

/**
 * Which of a guild's roles the bot needs: @everyone and the roles the bot itself holds. Channel
 * permissions for the bot (`channel.permissionsFor(me)`) read only these, and the overwrites of
 * any other role do not apply to the bot, so the other roles (most of a server's) are not kept.
 *
 * discord.js adds a guild's roles before its members when it applies GUILD_CREATE, so at that
 * moment `guild.members.me` is not there yet: the bot's role ids are read from the raw packet,
 * which discord.js emits just before applying it.
 */
export interface OwnRoles {
  /** Reads the bot's role ids from each raw GUILD_CREATE of this client. */
  watch(client: Client): void;
  /** Whether the roles cache keeps this role. */
  keeps(role: Role): boolean;
}

/** `GuildMember#_roles`: the member's role ids as Discord sent them (discord.js keeps them private). */
export function heldRoleIds(member: unknown): readonly string[] {
  return (member as { _roles?: readonly string[] } | null)?._roles ?? [];
}

export function createOwnRoles(): OwnRoles {
  /** Guild id → the bot's role ids, for a GUILD_CREATE being applied (gone once it is). */
  const arriving = new Map<string, ReadonlySet<string>>();
  return {
    watch(client) {
      client.on(Events.Raw, (packet: GatewayDispatchPayload) => {
        if (packet.t !== GatewayDispatchEvents.GuildCreate) return;
        const botId = client.user?.id;
        const mine = packet.d.members.find((member) => member.user.id === botId);
        if (!mine) return;
        const guildId = packet.d.id;
        arriving.set(guildId, new Set(mine.roles));
        // discord.js applies GUILD_CREATE in the same tick as its raw event, even before ready.
        // Were one applied later, a role dropped here is fetched by the channel inspector.
        setImmediate(() => arriving.delete(guildId));
      });
    },
    keeps(role) {
      const guild = role.guild;
      return (
        role.id === guild.id ||
        heldRoleIds(guild.members.me).includes(role.id) ||
        (arriving.get(guild.id)?.has(role.id) ?? false)
      );
    },
  };
}

/**
 * Caches sized to what the bot reads: guilds, @everyone and the bot's own roles, and the bot's own
 * member and user (channel permissions need the member's roles). Everything else the Guilds intent
 * would fill is never read here, so it is not kept: at thousands of servers each of these is
 * memory per server for nothing.
 *
 * Channels and threads are not kept either. The bot posts through REST by channel id
 * (poster.ts), and only a setup or resume looks at a channel, which the channel inspector fetches
 * then (channels.ts). At 2,500 servers of 10 text channels the channel cache held about 24 MiB,
 * more than the bot's own code and data (bench/rss.ts). Guilds keep discord.js's default: a guild
 * dropped from the cache would never be sent again by the gateway.
 */
export function createLeanCache(ownRoles: OwnRoles): CacheFactory {
  const isTheBot = (value: { id: string; client: { user: { id: string } | null } }) =>
    value.id === value.client.user?.id;
  return Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    // The bot's own member stays: `guild.members.me` and channel permissions come from it.
    GuildMemberManager: { maxSize: 0, keepOverLimit: isTheBot },
    UserManager: { maxSize: 0, keepOverLimit: isTheBot },
    MessageManager: 0,
    ApplicationCommandManager: 0,
    ApplicationEmojiManager: 0,
    AutoModerationRuleManager: 0,
    BaseGuildEmojiManager: 0,
    DMMessageManager: 0,
    EntitlementManager: 0,
    GuildBanManager: 0,
    GuildEmojiManager: 0,
    GuildInviteManager: 0,
    GuildMessageManager: 0,
    GuildScheduledEventManager: 0,
    GuildStickerManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    StageInstanceManager: 0,
    ThreadMemberManager: 0,
    VoiceStateManager: 0,
    ...limitRolesAndChannels(ownRoles),
  });
}

/**
 * discord.js's typings leave these managers out of the caches one may limit (it warns that limiting
 * them "breaks functionality": the functions that read those caches, which the bot does not call),
 * but `cacheWithLimits` limits them by the manager's name like any other at run time.
 */
function limitRolesAndChannels(ownRoles: OwnRoles): CacheWithLimitsOptions {
  const keepOverLimit = (role: Role): boolean => ownRoles.keeps(role);
  return {
    RoleManager: { maxSize: 0, keepOverLimit },
    ChannelManager: 0,
    GuildChannelManager: 0,
    ThreadManager: 0,
  } as CacheWithLimitsOptions;
}

/**
 * Whether a process warning is discord.js's notice about one of the limits above
 * (UnsupportedCacheOverwriteWarning, once per manager at start): deliberate here, not a fault.
 */
export function isDeliberateCacheWarning(warning: Error): boolean {
  return (
    warning.name === 'UnsupportedCacheOverwriteWarning' &&
    /\b(RoleManager|ChannelManager|GuildChannelManager)\b/.test(warning.message)
  );
}

/** No sweepers: the caches that discord.js sweeps by default (threads) keep nothing here. */
export const LEAN_SWEEPERS: SweeperOptions = {};
