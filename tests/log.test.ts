import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propertyRuns } from './helpers/property-runs.js';
import { CENSOR, createLogger, scrub, type Logger } from '../src/log.js';

/**
 * Token-shaped (id.timestamp.hmac, the lengths of a real one) and plainly fake. Joined at run
 * time, so no token-shaped string sits in the repository for a secret scanner to flag.
 */
const TOKEN = ['FAKE-TEST-TOKEN-NOT-REAL-00', 'FAKEtk', 'not-a-real-hmac-for-tests-only-0'].join(
  '.',
);
/** A secret of no known shape, which only the `secrets` option can catch. */
const PLAIN_SECRET = 'hunter2-plain-secret';

function capture(options: Parameters<typeof createLogger>[2] = {}): {
  log: Logger;
  output: () => string;
} {
  const lines: string[] = [];
  const log = createLogger('trace', { write: (line: string) => lines.push(line) }, options);
  return { log, output: () => lines.join('') };
}

class RequestError extends Error {
  constructor(
    message: string,
    readonly request: { url: string; headers: Record<string, string> },
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** A client-like object that holds its token, as discord.js's REST and Client do. */
class FakeRest {
  token = TOKEN;
  options = { api: 'https://discord.com/api', headers: { Authorization: `Bot ${TOKEN}` } };
}

const cases: [string, (log: Logger) => void][] = [
  ['a top-level token', (log) => log.info({ token: TOKEN }, 'login')],
  ['the config', (log) => log.info({ config: { DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'info' } })],
  ['an environment', (log) => log.info({ env: { DISCORD_TOKEN: TOKEN, HOME: '/root' } })],
  ['headers.authorization', (log) => log.info({ headers: { authorization: `Bot ${TOKEN}` } })],
  ['headers.Authorization', (log) => log.info({ headers: { Authorization: `Bot ${TOKEN}` } })],
  [
    'an error with a request’s headers',
    (log) =>
      log.error(
        {
          err: new RequestError('401 Unauthorized', {
            url: 'https://discord.com/api/v10/users/@me',
            headers: { authorization: `Bot ${TOKEN}` },
          }),
        },
        'request failed',
      ),
  ],
  [
    'an error logged alone, with a request three levels down',
    (log) => {
      const error = Object.assign(new Error('failed'), {
        response: { config: { headers: { Authorization: `Bot ${TOKEN}` } } },
      });
      log.error(error);
    },
  ],
  [
    'a nested token',
    (log) => log.warn({ a: { b: { c: { d: { e: { token: TOKEN } } } } } }, 'deep'),
  ],
  [
    'headers in an array',
    (log) => log.info({ requests: [{ headers: { authorization: `Bot ${TOKEN}` } }] }),
  ],
  [
    'headers in a Map',
    (log) => log.info({ headers: new Map([['authorization', `Bot ${TOKEN}`]]) }),
  ],
  ['a client object', (log) => log.info({ rest: new FakeRest() }, 'client')],
  ['the token in the message', (log) => log.info(`logging in with ${TOKEN}`)],
  ['the token as a printf argument', (log) => log.info('logging in with %s', TOKEN)],
  ['an object as a printf argument', (log) => log.info('config %o', { token: TOKEN })],
  ['the token in an error message', (log) => log.error(new Error(`bad token ${TOKEN}`))],
  [
    'the token in an error’s cause',
    (log) =>
      log.error({ err: new Error('login failed', { cause: new Error(`rejected ${TOKEN}`) }) }),
  ],
  ['a child logger’s bindings', (log) => log.child({ token: TOKEN }).info('child')],
  [
    'a child logger’s nested bindings',
    (log) => log.child({ rest: { headers: { authorization: `Bot ${TOKEN}` } } }).info('child'),
  ],
  ['a Bearer header in free text', (log) => log.info({ note: `sent Bearer ${TOKEN}` })],
];

describe('log redaction', () => {
  test.each(cases)('GIVEN %s WHEN logged THEN the token never reaches the output', (_, write) => {
    const { log, output } = capture();
    write(log);
    const text = output();
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(TOKEN);
    // Not even its secret part (the HMAC after the last dot).
    expect(text).not.toContain(TOKEN.split('.')[2]);
    expect(text).toContain(CENSOR);
  });

  test('GIVEN a secret of no known shape WHEN passed as `secrets` THEN it is censored anywhere', () => {
    const { log, output } = capture({ secrets: [PLAIN_SECRET] });
    log.info({ note: `the value is ${PLAIN_SECRET}` }, `and again ${PLAIN_SECRET}`);
    log.error(new Error(`failed with ${PLAIN_SECRET}`));
    expect(output()).not.toContain(PLAIN_SECRET);
  });

  test('GIVEN ordinary fields WHEN logged THEN they are kept as they were', () => {
    const { log, output } = capture();
    log.info(
      { guildId: '100000000000000001', command: 'agreement', tokens: 3, nested: { ok: true } },
      'answered',
    );
    const record = JSON.parse(output()) as Record<string, unknown>;
    expect(record).toMatchObject({
      guildId: '100000000000000001',
      command: 'agreement',
      tokens: 3,
      nested: { ok: true },
      msg: 'answered',
    });
  });

  test('GIVEN an error WHEN logged THEN its type, message and stack are kept', () => {
    const { log, output } = capture();
    log.error({ err: new RequestError('boom', { url: 'https://x.example', headers: {} }) }, 'x');
    const record = JSON.parse(output()) as { err: Record<string, unknown> };
    expect(record.err['type']).toBe('RequestError');
    expect(record.err['message']).toBe('boom');
    expect(String(record.err['stack'])).toContain('RequestError: boom');
    expect(record.err['request']).toEqual({ url: 'https://x.example', headers: {} });
  });

  test('GIVEN a cycle or a shared object WHEN logged THEN it is written once, no crash', () => {
    const shared = { id: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic['self'] = cyclic;
    expect(scrub(cyclic)).toEqual({ shared: { id: 1 }, again: { id: 1 }, self: '[Circular]' });
  });

  test('GIVEN a token under any key at any depth of any object THEN scrub removes it', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('token', 'DISCORD_TOKEN', 'authorization', 'Authorization', 'headers'),
    );
    fc.assert(
      fc.property(
        fc.object({ key, maxDepth: 4 }),
        fc.array(key, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(TOKEN, `Bot ${TOKEN}`, `Bearer ${TOKEN}`, `x ${TOKEN} y`),
        (object, path, secret) => {
          let at: Record<string, unknown> = object;
          for (const part of path.slice(0, -1)) {
            const next: Record<string, unknown> = {};
            at[part] = next;
            at = next;
          }
          at[path.at(-1) ?? 'x'] = secret;
          expect(JSON.stringify(scrub(object))).not.toContain(TOKEN.split('.')[2]);
        },
      ),
      { seed: 42, numRuns: propertyRuns(500) },
    );
  });
});

describe('what the bot logs', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    });
  }

  const files = sourceFiles('src');

  test('GIVEN the source THEN there are files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  test.each(files)('GIVEN %s THEN it never logs or prints process.env as a whole', (file) => {
    const text = readFileSync(file, 'utf8');
    // A log, console or stream call whose arguments hold process.env itself, not one key of it.
    const wholesale =
      /\b(log|logger|console|stdout|stderr)\.\w+\((?:[^;]|;(?!\s*$))*?process\.env(?![.[\w])/m;
    expect(text).not.toMatch(wholesale);
    expect(text).not.toMatch(/\.\.\.process\.env\b/);
  });
});
