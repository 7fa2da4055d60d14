import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { Overwrite } from './permissions.js';
import { channelPermissions } from './permissions.js';
import { SnowflakeGenerator } from './snowflake.js';

export interface FixtureUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface FixtureRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
}

export interface FixtureChannel {
  id: string;
  guildId: string;
  name: string;
  type: ChannelType;
  position: number;
  parentId: string | null;
  overwrites: Overwrite[];
  /** Set by `handle.deleteChannel`: REST then answers 404/10003 for it. */
  deleted: boolean;
  /** Threads only. */
  ownerId?: string;
  autoArchiveDuration?: number;
}

export interface FixtureMember {
  user: FixtureUser;
  roleIds: string[];
  joinedAt: string;
}

export interface FixtureGuild {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  roles: FixtureRole[];
  channels: FixtureChannel[];
  members: FixtureMember[];
}

/** Everything the emulated Discord knows: one bot application and the guilds it is in. */
export interface World {
  applicationId: string;
  /** Application flags sent in READY (0 unless a test needs others). */
  applicationFlags: number;
  bot: FixtureUser;
  guilds: FixtureGuild[];
}

/** What the default world grants the bot's role: what a posting, thread-making bot asks for. */
export const BOT_ROLE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.SendPolls |
  PermissionFlagsBits.UseExternalEmojis;

export const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

/** Names of the channels every default guild has; tests look them up with `handle.channel(name)`. */
export const DEFAULT_CHANNELS = {
  /** Everyone, the bot included, may read and post. */
  general: 'general',
  /** The bot's role is denied ViewChannel: posts answer 403/50001. */
  hidden: 'hidden',
  /** The bot may read but not post: posts answer 403/50013. */
  readOnly: 'read-only',
} as const;

export interface WorldOptions {
  guildCount?: number;
  applicationId?: string;
  /**
   * Guild ids one millisecond apart (in the past), so guild i lands on shard `i % shardCount`:
   * ids minted in one millisecond share `id >> 22` and so one shard, and thousands of guilds made
   * in a loop would mostly pile onto a few. Default false.
   */
  spreadShards?: boolean;
  /** More text channels per guild beyond the three default ones (`extra-0`, `extra-1`…, all open). */
  extraChannels?: number;
  /** More roles per guild (no permissions), for memory measurements on guilds of a realistic size. */
  extraRoles?: number;
}

/** Thousands of guilds spread evenly over the shards, the shape the sharding tests and bench use. */
export function createLargeWorld(
  ids: SnowflakeGenerator,
  guildCount: number,
  options: Omit<WorldOptions, 'guildCount' | 'spreadShards'> = {},
): World {
  return createWorld(ids, { ...options, guildCount, spreadShards: true });
}

/**
 * A world of `guildCount` guilds (default 1), each with roles @everyone, Bot and Admin, the
 * channels in DEFAULT_CHANNELS, the bot as a member, and a human owner and member.
 */
export function createWorld(ids: SnowflakeGenerator, options: WorldOptions = {}): World {
  const applicationId = options.applicationId ?? ids.next();
  // A bot user's id equals its application's id on Discord.
  const bot: FixtureUser = {
    id: applicationId,
    username: 'emulated-bot',
    globalName: null,
    bot: true,
  };
  const guildIds = options.spreadShards ? steppingGuildIds() : ids;
  const guilds = Array.from({ length: options.guildCount ?? 1 }, (_, index) =>
    createGuild(ids, guildIds.next(), bot, index, options),
  );
  return { applicationId, applicationFlags: 0, bot, guilds };
}

/**
 * One id per millisecond, starting 30 days back so no id the emulator makes later meets them.
 * Only `next()` is used by createWorld.
 */
function steppingGuildIds(): Pick<SnowflakeGenerator, 'next'> {
  let ms = Date.now() - 30 * 86_400_000;
  return new SnowflakeGenerator(() => (ms += 1));
}

function createGuild(
  ids: SnowflakeGenerator,
  id: string,
  bot: FixtureUser,
  index: number,
  options: WorldOptions = {},
): FixtureGuild {
  const owner = human(ids.next(), `owner${index}`);
  const member = human(ids.next(), `member${index}`);
  const botRole: FixtureRole = {
    id: ids.next(),
    name: 'Bot',
    permissions: BOT_ROLE_PERMISSIONS,
    position: 1,
  };
  const adminRole: FixtureRole = {
    id: ids.next(),
    name: 'Admin',
    permissions: PermissionFlagsBits.ManageGuild,
    position: 2,
  };
  const guild: FixtureGuild = {
    id,
    name: `Emulated Guild ${index}`,
    ownerId: owner.id,
    preferredLocale: 'en-US',
    roles: [
      { id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 },
      botRole,
      adminRole,
    ],
    channels: [],
    members: [
      { user: bot, roleIds: [botRole.id], joinedAt: new Date(0).toISOString() },
      { user: owner, roleIds: [adminRole.id], joinedAt: new Date(0).toISOString() },
      { user: member, roleIds: [], joinedAt: new Date(0).toISOString() },
    ],
  };
  const deny = (roleId: string, bits: bigint): Overwrite => ({
    id: roleId,
    type: 'role',
    allow: 0n,
    deny: bits,
  });
  guild.channels.push(
    textChannel(ids.next(), id, DEFAULT_CHANNELS.general, 0, []),
    textChannel(ids.next(), id, DEFAULT_CHANNELS.hidden, 1, [
      deny(id, PermissionFlagsBits.ViewChannel),
      deny(botRole.id, PermissionFlagsBits.ViewChannel),
    ]),
    textChannel(ids.next(), id, DEFAULT_CHANNELS.readOnly, 2, [
      deny(id, PermissionFlagsBits.SendMessages),
      deny(botRole.id, PermissionFlagsBits.SendMessages),
    ]),
  );
  for (let n = 0; n < (options.extraChannels ?? 0); n += 1)
    guild.channels.push(textChannel(ids.next(), id, `extra-${n}`, 3 + n, []));
  for (let n = 0; n < (options.extraRoles ?? 0); n += 1)
    guild.roles.push({ id: ids.next(), name: `role-${n}`, permissions: 0n, position: 3 + n });
  return guild;
}

function human(id: string, username: string): FixtureUser {
  return { id, username, globalName: username, bot: false };
}

export function textChannel(
  id: string,
  guildId: string,
  name: string,
  position: number,
  overwrites: Overwrite[],
): FixtureChannel {
  return {
    id,
    guildId,
    name,
    type: ChannelType.GuildText,
    position,
    parentId: null,
    overwrites,
    deleted: false,
  };
}

export function findChannel(world: World, channelId: string): FixtureChannel | undefined {
  for (const guild of world.guilds) {
    const channel = guild.channels.find((c) => c.id === channelId);
    if (channel) return channel;
  }
  return undefined;
}

export function findGuild(world: World, guildId: string): FixtureGuild | undefined {
  return world.guilds.find((g) => g.id === guildId);
}

export function memberOf(guild: FixtureGuild, userId: string): FixtureMember | undefined {
  return guild.members.find((m) => m.user.id === userId);
}

/** Permissions of a user in a channel; threads use their parent's overwrites, as on Discord. */
export function permissionsIn(
  guild: FixtureGuild,
  channel: FixtureChannel,
  userId: string,
): bigint {
  const member = memberOf(guild, userId);
  if (!member) return 0n;
  const source =
    channel.parentId && isThread(channel.type)
      ? (guild.channels.find((c) => c.id === channel.parentId) ?? channel)
      : channel;
  return channelPermissions(guild, { userId, roleIds: member.roleIds }, source.overwrites);
}

export function isThread(type: ChannelType): boolean {
  return (
    type === ChannelType.PublicThread ||
    type === ChannelType.PrivateThread ||
    type === ChannelType.AnnouncementThread
  );
}

// ---- API shapes: what the gateway and REST send for the fixtures ----

export function apiUser(user: FixtureUser) {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    bot: user.bot,
    flags: 0,
    public_flags: 0,
  };
}

export function apiRole(role: FixtureRole) {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function apiOverwrite(overwrite: Overwrite) {
  return {
    id: overwrite.id,
    type: overwrite.type === 'role' ? 0 : 1,
    allow: overwrite.allow.toString(),
    deny: overwrite.deny.toString(),
  };
}

export function apiChannel(channel: FixtureChannel) {
  const base = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId,
    flags: 0,
  };
  if (isThread(channel.type)) {
    return {
      ...base,
      owner_id: channel.ownerId,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: channel.autoArchiveDuration ?? 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
    };
  }
  return {
    ...base,
    permission_overwrites: channel.overwrites.map(apiOverwrite),
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

export function apiMember(member: FixtureMember) {
  return {
    user: apiUser(member.user),
    nick: null,
    avatar: null,
    roles: member.roleIds,
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The GUILD_CREATE payload: enough for discord.js to cache channels, roles and compute permissions. */
export function guildCreatePayload(guild: FixtureGuild) {
  const live = guild.channels.filter((c) => !c.deleted);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guild.roles.map(apiRole),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: guild.preferredLocale,
    nsfw_level: 0,
    max_video_channel_users: 25,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    members: guild.members.map(apiMember),
    channels: live.filter((c) => !isThread(c.type)).map(apiChannel),
    threads: live.filter((c) => isThread(c.type)).map(apiChannel),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
