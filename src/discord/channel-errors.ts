import { RESTJSONErrorCodes } from 'discord-api-types/v10';

import type { PostFailure } from '../schedule/runner.js';

const BLOCKING: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.UnknownChannel, 'the channel was deleted'],
  [RESTJSONErrorCodes.MissingAccess, 'the bot can no longer see the channel'],
  [RESTJSONErrorCodes.MissingPermissions, 'the bot lacks a permission it needs in the channel'],
  [RESTJSONErrorCodes.UnknownGuild, 'the bot is no longer in the server'],
]);

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null && name in error
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

/** The code Discord (or the network) gave a failure, if any: one reading for every caller. */
export function readErrorCode(error: unknown): unknown {
  return field(error, 'code');
}

/** The error's own words, whether an Error or a plain `{ message }` object. */
function messageOf(error: unknown, fallback: string): string {
  const message = field(error, 'message');
  return typeof message === 'string' && message !== '' ? message : fallback;
}

/**
 * What a failed post means for a server's schedule:
 * - blocked: the channel is gone or the bot lost access; retrying cannot help until an admin acts.
 * - retry: Discord was busy or failing (discord.js has already waited out 429s and retried 5xx),
 *   or never answered at all (a reset connection, a timeout). The nonce makes a retry safe even
 *   when the lost answer was to a post Discord had made.
 * - failed: any other answer from Discord (a 4xx it will give again); logged, not retried.
 * Takes an error thrown by discord.js REST (DiscordAPIError or HTTPError) or the network.
 */
export function classifyPostError(error: unknown): PostFailure {
  const code = field(error, 'code');
  const status = field(error, 'status');
  if (typeof code === 'number') {
    const reason = BLOCKING.get(code);
    if (reason) return { kind: 'blocked', code, reason };
  }
  // No HTTP status means no answer: network errors carry string codes (ECONNRESET) and an
  // AbortError a numeric DOMException code, neither of them Discord's.
  if (typeof status !== 'number') {
    return { kind: 'retry', reason: messageOf(error, 'network error') };
  }
  if (status === 429 || status >= 500) {
    return { kind: 'retry', reason: `Discord answered ${status}` };
  }
  return { kind: 'failed', reason: messageOf(error, `Discord answered ${status}`) };
}
