import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { classifyPostError } from '../../src/discord/channel-errors.js';
import type { PostFailure } from '../../src/schedule/runner.js';

const URL = 'https://discord.com/api/v10/channels/333333333333333333/messages';

/** The errors discord.js's REST really throws, built with its own classes. */
function apiError(code: number, status: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code, message }, code, status, 'POST', URL, { body: {} });
}
function httpError(status: number, statusText: string): HTTPError {
  return new HTTPError(status, statusText, 'POST', URL, { body: {} });
}
function networkError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyPostError', () => {
  test.each<[string, unknown, PostFailure]>([
    [
      'a deleted channel (10003)',
      apiError(10003, 404, 'Unknown Channel'),
      { kind: 'blocked', code: 10003, reason: 'the channel was deleted' },
    ],
    [
      'lost access (50001)',
      apiError(50001, 403, 'Missing Access'),
      { kind: 'blocked', code: 50001, reason: 'the bot can no longer see the channel' },
    ],
    [
      'a missing permission (50013)',
      apiError(50013, 403, 'Missing Permissions'),
      {
        kind: 'blocked',
        code: 50013,
        reason: 'the bot lacks a permission it needs in the channel',
      },
    ],
    [
      'the bot out of the server (10004)',
      apiError(10004, 404, 'Unknown Guild'),
      { kind: 'blocked', code: 10004, reason: 'the bot is no longer in the server' },
    ],
    [
      'a plain object shaped like DiscordAPIError',
      { code: 50013, status: 403, message: 'Missing Permissions' },
      {
        kind: 'blocked',
        code: 50013,
        reason: 'the bot lacks a permission it needs in the channel',
      },
    ],
    [
      'a 500',
      httpError(500, 'Internal Server Error'),
      { kind: 'retry', reason: 'Discord answered 500' },
    ],
    ['a 502', httpError(502, 'Bad Gateway'), { kind: 'retry', reason: 'Discord answered 502' }],
    [
      'a 503 with a code',
      apiError(0, 503, 'Service Unavailable'),
      { kind: 'retry', reason: 'Discord answered 503' },
    ],
    [
      'a 429',
      apiError(0, 429, 'You are being rate limited.'),
      { kind: 'retry', reason: 'Discord answered 429' },
    ],
    [
      'a reset connection (string code)',
      networkError('ECONNRESET', 'read ECONNRESET'),
      { kind: 'retry', reason: 'read ECONNRESET' },
    ],
    [
      'an undici socket error',
      networkError('UND_ERR_SOCKET', 'other side closed'),
      { kind: 'retry', reason: 'other side closed' },
    ],
    [
      'a REST timeout (AbortError, a numeric DOMException code)',
      new DOMException('This operation was aborted', 'AbortError'),
      { kind: 'retry', reason: 'This operation was aborted' },
    ],
    ['a bare Error', new Error('fetch failed'), { kind: 'retry', reason: 'fetch failed' }],
    ['a thrown string', 'boom', { kind: 'retry', reason: 'network error' }],
    ['undefined', undefined, { kind: 'retry', reason: 'network error' }],
    [
      'an invalid body (50035)',
      apiError(50035, 400, 'Invalid Form Body'),
      { kind: 'failed', reason: 'Invalid Form Body' },
    ],
    [
      'a body too large (40005)',
      apiError(40005, 413, 'Request entity too large'),
      { kind: 'failed', reason: 'Request entity too large' },
    ],
    [
      'a bad token (401)',
      apiError(0, 401, '401: Unauthorized'),
      { kind: 'failed', reason: '401: Unauthorized' },
    ],
    [
      'a plain 4xx object',
      { code: 50035, status: 400, message: 'Invalid Form Body' },
      { kind: 'failed', reason: 'Invalid Form Body' },
    ],
    [
      'a 4xx object without a message',
      { code: 50035, status: 400 },
      { kind: 'failed', reason: 'Discord answered 400' },
    ],
  ])('GIVEN %s WHEN classified THEN %o', (_, error, expected) => {
    expect(classifyPostError(error)).toEqual(expected);
  });
});
