import { Options, type CacheFactory, type SweeperOptions } from 'discord.js';

/**
 * Caches sized to what the bot reads: guilds, their channels and roles (setup checks permissions
 * from them with no request), and the bot's own member and user (permissions need the member's
 * roles). Everything else the Guilds intent would fill is never read here, so it is not kept:
 * at thousands of servers each of these is memory per server for nothing.
 *
 * Guilds, channels, roles and threads keep discord.js's defaults (unlimited): they are what
 * `createChannelInspector` reads, and a limit on them would drop entries the gateway never sends
 * again.
 */
export function createLeanCache(): CacheFactory {
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
  });
}

/** discord.js's default thread sweep (archived threads leave after 4 h); nothing else caches. */
export const LEAN_SWEEPERS: SweeperOptions = { ...Options.DefaultSweeperSettings };
