import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { commands } from '../../src/commands/index.js';
import { describeFailure } from '../../src/preview/failure.js';
import { previewIdFor } from '../../src/preview/parse.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

/** The preview as the README runs it: through npm. */
async function preview(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'preview', '--', ...args], {
      cwd: root,
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const STACK_FRAME = /\bat .+:\d+:\d+/;
const SETUP = '/schedule setup channel:#agreements time:09:00 timezone:Europe/Kyiv';

describe('the preview never ends in a stack trace', () => {
  test.each([
    [
      'a channel that is no Discord id',
      ['/schedule setup channel:123 time:09:00 timezone:Europe/Kyiv'],
      /channel does not take "123" \(a channel: #name/,
    ],
    [
      '--out into a folder that does not exist',
      ['/timeline', '--out', '/no/such/folder/t.png'],
      /--out \/no\/such\/folder\/t\.png: the folder \/no\/such\/folder does not exist/,
    ],
    [
      '--store into a folder that does not exist',
      ['/schedule status', '--store', '/no/such/folder/s.json'],
      /--store .*does not exist/,
    ],
  ])('GIVEN %s THEN one clear line on stderr and exit 2', async (_, args, message) => {
    const { code, stdout, stderr } = await preview(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(stderr).not.toMatch(/ZodError|ENOENT/);
  });

  test('GIVEN a check the store makes THEN its failure reads as one line naming the field', () => {
    const result = z.object({ channelId: z.string().regex(/^\d{17,20}$/) }).safeParse({
      channelId: '123',
    });
    expect(result.success).toBe(false);
    const line = describeFailure(result.error);
    expect(line).toMatch(/^The bot refused it: channelId: /);
    expect(line).not.toContain('\n');
  });

  test('GIVEN a file-system error THEN its code and first line, no stack', () => {
    const error = Object.assign(new Error('no such file\n    at x.js:1:2'), { code: 'ENOENT' });
    expect(describeFailure(error)).toBe('The preview failed (ENOENT): no such file');
  });
});

describe('/schedule in the preview', () => {
  test('GIVEN --store WHEN setup, then set, then status run THEN status shows what they saved', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'preview-store-')), 'pacts.json');
    const setup = await preview(SETUP, '--store', store);
    expect(setup).toMatchObject({ code: 0, stderr: '' });
    expect(setup.stdout).toContain('#agreements at 09:00 (Europe/Kyiv)');
    expect(existsSync(store)).toBe(true);

    const set = await preview(
      '/schedule set digest_day:Friday prompts:Daily ping_role:@pacts',
      '--store',
      store,
    );
    expect(set).toMatchObject({ code: 0, stderr: '' });

    const status = await preview('/schedule status', '--store', store, '--json');
    expect(status).toMatchObject({ code: 0, stderr: '' });
    const text = JSON.stringify(JSON.parse(status.stdout));
    expect(text).toContain('**09:00** (Europe/Kyiv)');
    expect(text).toContain(`<#${previewIdFor('agreements')}>`);
    expect(text).toMatch(/on Fridays/);
    expect(text).toMatch(/Discussion prompts\*\* \(daily\)/);
  });

  test('GIVEN no --store THEN a note says each run starts with no schedule', async () => {
    const { code, stdout, stderr } = await preview('/schedule status');
    expect(code).toBe(0);
    expect(stdout).toContain('/schedule setup');
    expect(stderr).toMatch(/each preview run starts with no schedule; add --store FILE/);
  });
});

describe('--help', () => {
  const DUE_OPTIONS = [
    '--at',
    '--timezone',
    '--hour',
    '--minute',
    '--digest',
    '--prompts',
    '--anniversaries',
    '--ping-role',
    '--locale',
    '--language',
    '--json',
  ];

  test('GIVEN --help THEN it lists every command and every option of due', async () => {
    const { code, stdout } = await preview('--help');
    expect(code).toBe(0);
    for (const command of commands) expect(stdout).toContain(`/${command.data.name}`);
    for (const option of [...DUE_OPTIONS, '--store', '--out', '--seed', '--autocomplete'])
      expect(stdout).toContain(option);
  });

  test('GIVEN due --help THEN every option of due, and exit 0', async () => {
    const { code, stdout } = await preview('due', '--help');
    expect(code).toBe(0);
    for (const option of DUE_OPTIONS) expect(stdout).toContain(option);
  });
});
