import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** Runs the real entry point in an empty folder (no .env) with the given environment. */
async function start(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'bot-start-'));
  const { PATH = '', HOME = '' } = process.env;
  try {
    await run(tsx, [join(root, 'src', 'index.ts')], {
      cwd,
      env: { PATH, HOME, ...env },
      timeout: 20_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { code: number; stderr: string; stdout: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

describe('starting the bot', () => {
  test('GIVEN no token WHEN started THEN one line says what to set and points at the preview', async () => {
    const { code, stderr } = await start({});
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DISCORD_TOKEN is not set/);
    expect(lines[0]).toMatch(/npm run -s preview/);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  test('GIVEN a bad setting beside a token WHEN started THEN the key is named and the token never shown', async () => {
    const token = 'fake-token-for-tests.not-a-real.discord-token';
    const { code, stderr } = await start({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: 'nope' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DISCORD_APPLICATION_ID/);
    expect(stderr).not.toContain(token);
  });

  test.each([
    [{ SHARD_COUNT: '2', SHARD_IDS: '1,2' }, /SHARD_IDS names shard 2/],
    [{ SHARD_COUNT: '4', SHARD_IDS: '0-1,1' }, /SHARD_IDS names shard 1 twice/],
    [{ SHARD_IDS: '0' }, /SHARD_IDS is set without SHARD_COUNT/],
  ])(
    'GIVEN bad shard settings %j WHEN started THEN it stops naming the key',
    async (env, problem) => {
      const { code, stderr } = await start({ DISCORD_TOKEN: 'fake-token-for-tests', ...env });
      expect(code).toBe(1);
      expect(stderr).toMatch(problem);
      expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
    },
  );
});
