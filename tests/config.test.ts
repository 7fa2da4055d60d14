import { describe, expect, test } from 'vitest';
import { readConfig } from '../src/config.js';

const FAKE_TOKEN = 'fake-token-for-tests.not-a-real.discord-token';

describe('readConfig', () => {
  test('GIVEN only a token THEN defaults fill the rest', () => {
    const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN });
    expect(result).toMatchObject({
      ok: true,
      config: { STORE_PATH: '.data/store.json', LOG_LEVEL: 'info' },
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
});
