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
 * Caches sized to what the bot reads: guilds, their channels, @everyone and the bot's own roles
 * (setup checks permissions from them with no request), and the bot's own member and user
 * (permissions need the member's roles). Everything else the Guilds intent would fill is never
 * read here, so it is not kept: at thousands of servers each of these is memory per server for
 * nothing (other roles alone were about a third of a 15-role server's cache).
 *
 * Guilds, channels and threads keep discord.js's defaults (unlimited): they are what
 * `createChannelInspector` reads, and a limit on them would drop entries the gateway never sends
 * again.
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
    ...limitRoles(ownRoles),
  });
}

/**
 * discord.js's typings leave RoleManager out of the caches one may limit (a TODO there), but
 * `cacheWithLimits` limits it by the manager's name like any other at run time.
 */
function limitRoles(ownRoles: OwnRoles): CacheWithLimitsOptions {
  const keepOverLimit = (role: Role): boolean => ownRoles.keeps(role);
  return { RoleManager: { maxSize: 0, keepOverLimit } } as CacheWithLimitsOptions;
}

/** discord.js's default thread sweep (archived threads leave after 4 h); nothing else caches. */
export const LEAN_SWEEPERS: SweeperOptions = { ...Options.DefaultSweeperSettings };
