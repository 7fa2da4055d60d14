import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { RATE_LIMIT_EVENT, logRateLimits } from '../../src/discord/rate-limits.js';
import { createLogger } from '../../src/log.js';

/*
 * A real discord.js REST client against a small HTTP server that answers like Discord, so the
 * test sees the events discord.js really emits (its `rateLimited` event is emitted only by its
 * own limiter, never for a 429), not a guess at them.
 */

interface LogLine {
  level: number;
  event?: string;
  msg: string;
  route?: string;
  retryAfterMs?: number | null;
  waitMs?: number;
  global?: boolean;
}

const WARN = 40;
const DEBUG = 20;

type Answer = (request: IncomingMessage, response: ServerResponse, count: number) => void;

let close: (() => Promise<void>) | null = null;

afterEach(async () => {
  await close?.();
  close = null;
});

/** A server answering every request with `answer`; the client logs into `lines`. */
async function clientAgainst(answer: Answer, globalRequestsPerSecond = 50) {
  let count = 0;
  const server = createServer((request, response) => {
    count += 1;
    answer(request, response, count);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const { port } = server.address() as AddressInfo;
  const rest = new REST({
    api: `http://127.0.0.1:${port}/api`,
    globalRequestsPerSecond,
    offset: 0,
    retries: 0,
  }).setToken('an-obviously-fake-token');
  const lines: LogLine[] = [];
  const log = createLogger('trace', {
    write: (line: string) => lines.push(JSON.parse(line) as LogLine),
  });
  logRateLimits(rest, log);
  return { rest, lines, requests: () => count };
}

function ok(response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': 'application/json', ...headers });
  response.end('{"id":"1"}');
}

const discordLines = (lines: LogLine[]) =>
  lines.filter((line) => line.event === RATE_LIMIT_EVENT.discord);
const waitLines = (lines: LogLine[]) =>
  lines.filter((line) => line.event === RATE_LIMIT_EVENT.clientWait);

describe('rate-limit log lines', () => {
  test.each([
    ['a bucket limit', false, {}],
    ['the global limit', true, { 'x-ratelimit-global': 'true' }],
  ])(
    'GIVEN Discord answers one request with a 429 (%s) WHEN it is made THEN one warning says Discord limited it, and the retry succeeds',
    async (_label, global, extraHeaders) => {
      const { rest, lines, requests } = await clientAgainst((_request, response, count) => {
        if (count > 1) return ok(response);
        response.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': '0.05',
          ...extraHeaders,
        });
        response.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: 0.05 }));
      });

      await expect(
        rest.post('/channels/123/messages', { body: { content: 'x' } }),
      ).resolves.toEqual({ id: '1' });

      expect(requests()).toBe(2);
      const warned = discordLines(lines);
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({
        level: WARN,
        route: '/channels/123/messages',
        retryAfterMs: 50,
        global,
      });
    },
  );

  test('GIVEN more requests in a second than the client’s own global limit and no 429 WHEN they run THEN the waits are logged as the client’s, at debug, and nothing says Discord limited the bot', async () => {
    const { rest, lines, requests } = await clientAgainst((_request, response) => ok(response), 2);

    await Promise.all(
      [1, 2, 3].map((i) => rest.post(`/channels/${100 + i}/messages`, { body: { content: 'x' } })),
    );

    expect(requests()).toBe(3);
    expect(waitLines(lines).length).toBeGreaterThan(0);
    expect(waitLines(lines).every((line) => line.level === DEBUG && line.global === true)).toBe(
      true,
    );
    expect(discordLines(lines)).toEqual([]);
    expect(lines.filter((line) => line.level >= WARN)).toEqual([]);
  });

  test('GIVEN Discord’s headers say a bucket is used up WHEN the next request waits for its reset THEN that wait is the client’s, not a 429', async () => {
    const { rest, lines, requests } = await clientAgainst((_request, response) =>
      ok(response, {
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.1',
        'x-ratelimit-bucket': 'abc',
      }),
    );

    // The first answer names the bucket; the client learns its state from the second on.
    for (const content of ['x', 'y', 'z']) {
      await rest.post('/channels/7/messages', { body: { content } });
    }

    expect(requests()).toBe(3);
    // One wait or two, by when the client learned the bucket (timing on a loaded machine): each
    // is the client's own, at debug, and none is reported as Discord limiting the bot.
    const waits = waitLines(lines);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(waits.length).toBeLessThanOrEqual(2);
    for (const wait of waits) {
      expect(wait).toMatchObject({ level: DEBUG, global: false, route: '/channels/7/messages' });
    }
    expect(discordLines(lines)).toEqual([]);
  });
});
