import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Strings } from '../i18n/index.js';
import type { ChannelPermission, CommandContext, InputContext, ScheduleContext } from './types.js';

/*
 * What /schedule needs, declared once and checked in one place: of the member, Manage Server;
 * of the schedule's channel, the permissions to post at all (setup and resume check the same).
 */

/** Administrator implies every permission, as discord.js's own `has()` assumes. */
const MAY_MANAGE = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

export function hasManageGuild(permissions: bigint | null | undefined): boolean {
  return permissions != null && (permissions & MAY_MANAGE) !== 0n;
}

export type AdminAccess =
  | { kind: 'allowed'; guildId: string; deps: ScheduleContext }
  | { kind: 'refused'; content: string };

/**
 * Whether a /schedule input (a subcommand or a button) may go on. Discord hides the command from
 * members without Manage Server, but a server can override that in its integration settings:
 * checked again here.
 */
export function checkAdminAccess(
  input: Pick<InputContext, 'guildId' | 'memberPermissions'>,
  ctx: CommandContext,
  strings: Strings['schedule'],
): AdminAccess {
  if (!input.guildId) return { kind: 'refused', content: strings.notInGuild };
  if (!hasManageGuild(input.memberPermissions))
    return { kind: 'refused', content: strings.notAdmin };
  if (!ctx.schedule) return { kind: 'refused', content: strings.notServed };
  return { kind: 'allowed', guildId: input.guildId, deps: ctx.schedule };
}

/** Without these the bot cannot post at all; the others only cost threads or polls. */
export const REQUIRED_CHANNEL_PERMISSIONS: readonly ChannelPermission[] = [
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
];

export type ChannelCheck =
  /** The bot can post; `optionalMissing` lists what it lacks for threads or polls. */
  | { kind: 'can-post'; optionalMissing: ChannelPermission[] }
  | { kind: 'gone' }
  | { kind: 'blocked'; missing: ChannelPermission[] };

/** Whether the bot can post in the schedule's channel, by the permissions declared above. */
export async function checkPostingChannel(
  deps: ScheduleContext,
  guildId: string,
  channelId: string,
): Promise<ChannelCheck> {
  const check = await deps.channels.inspect(guildId, channelId);
  if (check.kind === 'not-found') return { kind: 'gone' };
  const required = (p: ChannelPermission) => REQUIRED_CHANNEL_PERMISSIONS.includes(p);
  const blocking = check.missing.filter(required);
  if (blocking.length > 0) return { kind: 'blocked', missing: blocking };
  return { kind: 'can-post', optionalMissing: check.missing.filter((p) => !required(p)) };
}
