import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConfig } from '../src/config.js';

const FAKE_TOKEN = 'fake-token-for-tests.not-a-real.discord-token';

describe('readConfig', () => {
  test('GIVEN only a token THEN defaults fill the rest', () => {
    const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN });
    expect(result).toMatchObject({
      ok: true,
      config: {
        STORE_PATH: resolve('.data/store.json'),
        LOG_LEVEL: 'info',
        HTTP_HOST: '127.0.0.1',
      },
    });
  });

  test('GIVEN no token THEN the problem names the key', () => {
    const result = readConfig({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/DISCORD_TOKEN/);
  });

  test('GIVEN empty optional keys (as .env.example leaves them) THEN they count as unset', () => {
    const result = readConfig({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_DEV_GUILD_ID: '',
      REPORT_URL: '',
    });
    expect(result.ok).toBe(true);
  });

  test('GIVEN a schedule that is not cron syntax THEN it is refused by name', () => {
    const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, SCHEDULE_CRON: 'every minute' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/SCHEDULE_CRON/);
  });

  test('GIVEN a bad value next to a secret THEN the problem never shows the secret', () => {
    const result = readConfig({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: 'not-an-id',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const text = result.problems.join('\n');
      expect(text).toMatch(/DISCORD_APPLICATION_ID/);
      expect(text).toMatch(/LOG_LEVEL/);
      expect(text).not.toContain(FAKE_TOKEN);
    }
  });

  test.each([
    ['a relative path', 'state/bot.json', resolve(process.cwd(), 'state/bot.json')],
    ['a path with ..', '../elsewhere/s.json', resolve(process.cwd(), '../elsewhere/s.json')],
    ['an absolute path', '/var/lib/bot/store.json', '/var/lib/bot/store.json'],
  ])(
    'GIVEN STORE_PATH as %s THEN it is resolved against the working directory',
    (_, path, want) => {
      const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, STORE_PATH: path });
      expect(result.ok && result.config.STORE_PATH).toBe(want);
    },
  );

  test('GIVEN no HTTP_PORT THEN there is no endpoint; GIVEN one THEN it is a number', () => {
    const off = readConfig({ DISCORD_TOKEN: FAKE_TOKEN });
    expect(off.ok && off.config.HTTP_PORT).toBeUndefined();
    const on = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, HTTP_PORT: '9464' });
    expect(on.ok && on.config.HTTP_PORT).toBe(9464);
  });

  test.each(['0', '70000', 'http', '80.5'])(
    'GIVEN HTTP_PORT=%s THEN it is refused by name',
    (port) => {
      const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, HTTP_PORT: port });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.join('\n')).toMatch(/HTTP_PORT/);
    },
  );

  test.each([
    ['true', true],
    ['false', false],
    ['', undefined],
  ])('GIVEN LOG_PRETTY=%j THEN it reads as %s', (value, want) => {
    const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, LOG_PRETTY: value });
    expect(result.ok && result.config.LOG_PRETTY).toBe(want);
  });

  test('GIVEN LOG_PRETTY=maybe THEN it is refused by name', () => {
    const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, LOG_PRETTY: 'maybe' });
    expect(!result.ok && result.problems.join('\n')).toMatch(/LOG_PRETTY/);
  });
});
