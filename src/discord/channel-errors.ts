import { RESTJSONErrorCodes } from 'discord-api-types/v10';

import type { PostFailure } from '../schedule/runner.js';

const BLOCKING: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.UnknownChannel, 'the channel was deleted'],
  [RESTJSONErrorCodes.MissingAccess, 'the bot can no longer see the channel'],
  [RESTJSONErrorCodes.MissingPermissions, 'the bot lacks a permission it needs in the channel'],
  [RESTJSONErrorCodes.UnknownGuild, 'the bot is no longer in the server'],
]);

/**
 * What a failed post means for a server's schedule:
 * - blocked: the channel is gone or the bot lost access; retrying cannot help until an admin acts.
 * - retry: Discord was busy or failing (discord.js has already waited out 429s and retried 5xx).
 * - failed: anything else; logged, not retried forever.
 * Takes an error thrown by discord.js REST (DiscordAPIError or HTTPError) or the network.
 */
export function classifyPostError(error: unknown): PostFailure {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const status =
    typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  if (typeof code === 'number') {
    const reason = BLOCKING.get(code);
    if (reason) return { kind: 'blocked', code, reason };
  }
  if (typeof status === 'number' && (status === 429 || status >= 500)) {
    return { kind: 'retry', reason: `Discord answered ${status}` };
  }
  if (status === undefined && code === undefined) {
    return { kind: 'retry', reason: error instanceof Error ? error.message : 'network error' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', reason: message };
}
