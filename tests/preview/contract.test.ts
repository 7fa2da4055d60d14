import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

/** The preview exactly as the README runs it: through npm. */
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

const outDir = mkdtempSync(join(tmpdir(), 'preview-out-'));

/**
 * Every `npm run -s preview -- …` line in the README, as its argument list, in order; pictures
 * (`--out file`) and stores (`--store file`) go to a temp folder rather than the checkout.
 */
function readmeExamples(): string[][] {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/^npm run -s preview -- (.+)$/gm)].map((match) => {
    const args = [...(match[1] ?? '').matchAll(/'([^']*)'|(\S+)/g)].map(
      (part) => part[1] ?? part[2] ?? '',
    );
    // The same file name maps to the same temp file, so `--store` examples see each other's settings.
    return args.map((arg, i) =>
      args[i - 1] === '--out' || args[i - 1] === '--store' ? join(outDir, basename(arg)) : arg,
    );
  });
}

describe('the offline preview contract', () => {
  test('GIVEN the README THEN it has preview examples to try', () => {
    expect(readmeExamples().length).toBeGreaterThanOrEqual(5);
  });

  test.each(readmeExamples().map((args) => [args.join(' '), args]))(
    'GIVEN the README example %s THEN it answers with exit 0',
    async (_, args) => {
      const { code, stdout, stderr } = await preview(...args);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout.trim().length).toBeGreaterThan(0);
      const out = args[args.indexOf('--out') + 1];
      if (args.includes('--out') && out) expect(statSync(out).size).toBeGreaterThan(10_000);
    },
  );

  test('GIVEN --json THEN exactly one JSON object: the interaction response data', async () => {
    const { code, stdout } = await preview('/agreement partner:United Kingdom', '--json');
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['content', 'embeds', 'components', 'flags']),
    );
    expect((body['embeds'] as { title: string }[])[0]?.title).toContain('United Kingdom');
    expect(body['flags']).toBe(0);
  });

  test('GIVEN an unknown partner THEN an ephemeral reply (flags 64), still exit 0', async () => {
    const { code, stdout } = await preview('/agreement partner:Atlantis', '--json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { flags: number }).flags & 64).toBe(64);
  });

  test('GIVEN --autocomplete --json THEN the choices array', async () => {
    const { code, stdout } = await preview('--autocomplete', '/agreement partner:ger', '--json');
    expect(code).toBe(0);
    const choices = JSON.parse(stdout) as { name: string; value: string }[];
    expect(choices[0]?.value).toBe('de');
    expect(choices[0]?.name).toContain('Germany');
  });

  test.each([
    [['/nope'], /Unknown command/],
    [['/agreement country:Germany'], /Unknown option country/],
    [['/agreement'], /needs partner/],
  ])('GIVEN %j THEN a clear error on stderr and a non-zero exit', async (args, message) => {
    const { code, stdout, stderr } = await preview(...args);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

// Community (issue 13): the members' new commands answer in the preview as on Discord: only to
// the member (ephemeral), with every mention off, and say what happened to what they sent.
describe('the offline preview of /suggest, /report and /follow', () => {
  test.each([
    [
      '/suggest question:Should every partner publish what it delivered each year?',
      /^Thank you! Your suggestion \*\*#[a-z0-9]{8}\*\* is waiting for this server's admins/,
    ],
    [
      '/report record:Germany field:signed what:The signing date looks wrong to me',
      // The preview has no operator channel or webhook: saved, and said to be not yet passed on.
      /^Thank you: your report \*\*R[0-9A-F]{10}\*\* is saved\. It could not be passed on just now/,
    ],
    [
      '/follow add partner:Germany',
      /^You follow 🇩🇪 Germany: I’ll send you one DM on its anniversary/,
    ],
  ])('GIVEN %s THEN an ephemeral answer that pings nobody', async (command, answer) => {
    const { code, stdout, stderr } = await preview(command, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as {
      content: string;
      flags: number;
      allowed_mentions: unknown;
    };
    expect(body.flags & 64).toBe(64);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toMatch(answer);
  });

  test('GIVEN /suggest with a mention in the question THEN it is refused, ephemerally, and nothing pings', async () => {
    const { code, stdout } = await preview(
      '/suggest question:Ask @everyone which partner is next?',
      '--json',
    );
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as {
      content: string;
      flags: number;
      allowed_mentions: unknown;
    };
    expect(body.flags & 64).toBe(64);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toMatch(/^Please leave out mentions .*suggestions never ping anyone/);
  });
});
