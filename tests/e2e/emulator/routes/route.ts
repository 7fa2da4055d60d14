import type { FixtureChannel, FixtureGuild } from '../fixtures.js';
import { findChannel, findGuild, permissionsIn } from '../fixtures.js';
import { errors } from '../http.js';
import type { UploadedFile } from '../records.js';
import type { EmulatorState } from '../state.js';

export type Json = Record<string, unknown>;

export interface RouteRequest {
  state: EmulatorState;
  /** The pattern's capture groups, decoded. */
  params: string[];
  /** The JSON body as an object ({} when absent or not an object). */
  body: Json;
  /** The JSON body as sent (an array for command overwrites). */
  rawBody: unknown;
  files: UploadedFile[];
  query: URLSearchParams;
}

export interface RouteAnswer {
  status: number;
  /** Absent: no body and no content type (204). */
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: RegExp;
  /** 'bot': needs `Authorization: Bot <token>`. 'none': interaction callbacks and webhooks. */
  auth: 'bot' | 'none';
  handle(request: RouteRequest): RouteAnswer;
}

export const SNOWFLAKE = '(\\d{17,20})';

/** A live channel and its guild, or the error Discord answers: 404/10003 when gone or unknown. */
export function liveChannel(
  state: EmulatorState,
  channelId: string,
): { guild: FixtureGuild; channel: FixtureChannel } {
  const channel = findChannel(state.world, channelId);
  const guild = channel ? findGuild(state.world, channel.guildId) : undefined;
  if (!channel || !guild || channel.deleted) throw errors.unknownChannel();
  return { guild, channel };
}

/** The bot's permissions there; throws 403/50001 when it cannot even see the channel. */
export function botPermissionsIn(
  state: EmulatorState,
  guild: FixtureGuild,
  channel: FixtureChannel,
): bigint {
  const permissions = permissionsIn(guild, channel, state.world.bot.id);
  if (permissions === 0n) throw errors.missingAccess();
  return permissions;
}
