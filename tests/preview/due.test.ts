import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { previewDue } from '../../src/preview/due.js';
import type { PostBody } from '../../src/render/posts.js';
import { loadPrompts } from '../../src/schedule/prompts.js';
import { testData } from '../helpers/context.js';

const data = testData();
const prompts = loadPrompts(data);
const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The README's example: 09:00 in Kyiv on Sunday 16 February 2025. */
const CONTRACT = ['--at', '2025-02-16T07:00:00Z', '--timezone', 'Europe/Kyiv', '--hour', '9'];
/** 09:00 in Kyiv on Monday 17 February 2025: no anniversary. */
const MONDAY = ['--at', '2025-02-17T07:00:00Z', '--timezone', 'Europe/Kyiv', '--hour', '9'];
/** 09:00 in Kyiv on Monday 24 February 2025: Italy's and Canada's anniversary. */
const MONDAY_WITH_ANNIVERSARY = [
  '--at',
  '2025-02-24T07:00:00Z',
  '--timezone',
  'Europe/Kyiv',
  '--hour',
  '9',
];

interface DuePreviewPost {
  kind: 'anniversary' | 'digest' | 'prompt' | 'change';
  key: string;
  body: PostBody;
}

function dueJson(...argv: string[]): DuePreviewPost[] {
  const result = previewDue([...argv, '--json'], data, prompts);
  if (!result.ok) throw new Error(result.error);
  return JSON.parse(result.output) as DuePreviewPost[];
}

const kindsAndKeys = (posts: DuePreviewPost[]) => posts.map((p) => [p.kind, p.key]);

describe('previewDue', () => {
  test('GIVEN the contract line WHEN run THEN a JSON array of {kind, key, body}: the Germany and France anniversary', () => {
    const posts = dueJson(...CONTRACT);

    expect(kindsAndKeys(posts)).toEqual([['anniversary', 'anniversary:2025-02-16']]);
    const [post] = posts;
    expect(Object.keys(post!)).toEqual(['kind', 'key', 'body']);
    expect(post?.body.content).toContain('1 year ago today');
    const text = JSON.stringify(post?.body);
    expect(text).toContain('Germany');
    expect(text).toContain('France');
    expect(post?.body.allowed_mentions).toEqual({ parse: [] });
  });

  test.each<[string, string[], [string, string][]]>([
    [
      '--digest monday on a Monday',
      [...MONDAY, '--digest', 'monday', '--prompts', 'off'],
      [['digest', 'digest:2025-W08']],
    ],
    [
      '--digest Monday (any case)',
      [...MONDAY, '--digest', 'Monday', '--prompts', 'off'],
      [['digest', 'digest:2025-W08']],
    ],
    ['--digest off on a Monday', [...MONDAY, '--digest', 'off', '--prompts', 'off'], []],
    ['--digest tuesday on a Monday', [...MONDAY, '--digest', 'tuesday', '--prompts', 'off'], []],
    [
      'the defaults on a Monday with an anniversary (digest Monday, weekly prompts)',
      MONDAY_WITH_ANNIVERSARY,
      [
        ['anniversary', 'anniversary:2025-02-24'],
        ['digest', 'digest:2025-W09'],
        ['prompt', 'prompt:2025-W09'],
      ],
    ],
    [
      '--prompts daily',
      [...CONTRACT, '--prompts', 'daily'],
      [
        ['anniversary', 'anniversary:2025-02-16'],
        ['prompt', 'prompt:2025-02-16'],
      ],
    ],
    [
      '--prompts weekly on a Sunday',
      [...CONTRACT, '--prompts', 'weekly'],
      [['anniversary', 'anniversary:2025-02-16']],
    ],
    ['--prompts off on a Monday', [...MONDAY, '--prompts', 'off'], [['digest', 'digest:2025-W08']]],
    ['--anniversaries off', [...CONTRACT, '--anniversaries', 'off'], []],
    [
      'an instant before the hour',
      ['--at', '2025-02-16T06:59:00Z', '--timezone', 'Europe/Kyiv', '--hour', '9'],
      [],
    ],
    [
      'an instant within the grace window after the hour',
      ['--at', '2025-02-16T12:59:00Z', '--timezone', 'Europe/Kyiv', '--hour', '9'],
      [['anniversary', 'anniversary:2025-02-16']],
    ],
    [
      'the same instant in New York at 02:00 local (--hour 2)',
      ['--at', '2025-02-16T07:00:00Z', '--timezone', 'America/New_York', '--hour', '2'],
      [['anniversary', 'anniversary:2025-02-16']],
    ],
  ])('GIVEN %s WHEN previewed THEN the posts due are %j', (_, argv, expected) => {
    expect(kindsAndKeys(dueJson(...argv))).toEqual(expected);
  });

  test('GIVEN --prompts daily WHEN previewed THEN the prompt is the first of the bank, with its poll', () => {
    const prompt = dueJson(...CONTRACT, '--prompts', 'daily').find((p) => p.kind === 'prompt');
    const [first] = prompts.prompts;
    expect(prompt?.body.content).toContain(first?.question.en);
    expect(prompt?.body.poll?.answers.map((a) => a.poll_media.text)).toEqual(
      first?.poll?.answers.en,
    );
  });

  test('GIVEN --ping-role WHEN previewed THEN the post pings that role and allows only it', () => {
    const [post] = dueJson(...CONTRACT, '--ping-role', '666666666666666666');
    expect(post?.body.content.startsWith('<@&666666666666666666> ')).toBe(true);
    expect(post?.body.allowed_mentions).toEqual({ parse: [], roles: ['666666666666666666'] });
  });

  test('GIVEN no --json WHEN previewed THEN the posts are printed readably, without Discord markup', () => {
    const result = previewDue([...CONTRACT, '--prompts', 'daily'], data, prompts);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.output).toContain('=== anniversary (anniversary:2025-02-16) ===');
    expect(result.output).toContain('=== prompt (prompt:2025-02-16) ===');
    expect(result.output).toContain('[poll: ');
    expect(result.output).not.toMatch(/<t:\d+:[A-Za-z]>/);
  });

  test('GIVEN nothing due WHEN previewed THEN JSON says [] and text says so', () => {
    const quiet = [...MONDAY, '--digest', 'off', '--prompts', 'off'];
    expect(previewDue([...quiet, '--json'], data, prompts)).toEqual({ ok: true, output: '[]' });
    expect(previewDue(quiet, data, prompts)).toEqual({
      ok: true,
      output: 'Nothing is due at that instant.',
    });
  });

  test.each<[string, string[], RegExp]>([
    ['no --at', ['--timezone', 'Europe/Kyiv', '--hour', '9'], /--at is required/],
    ['an unreadable --at', ['--at', 'yesterday', '--timezone', 'UTC', '--hour', '9'], /--at needs/],
    ['no --timezone', ['--at', '2025-02-16T07:00:00Z', '--hour', '9'], /--timezone is required/],
    [
      'an unknown zone',
      ['--at', '2025-02-16T07:00:00Z', '--timezone', 'Mars/Base', '--hour', '9'],
      /--timezone: unknown zone$/,
    ],
    [
      'a zone to guess',
      ['--at', '2025-02-16T07:00:00Z', '--timezone', 'kyiv', '--hour', '9'],
      /did you mean Europe\/Kyiv/,
    ],
    ['no --hour', ['--at', '2025-02-16T07:00:00Z', '--timezone', 'UTC'], /--hour is required/],
    ['--hour 24', [...CONTRACT.slice(0, 4), '--hour', '24'], /--hour takes 0 to 23/],
    ['an empty --hour', [...CONTRACT.slice(0, 4), '--hour', ''], /--hour takes 0 to 23/],
    ['--hour 0x9', [...CONTRACT.slice(0, 4), '--hour', '0x9'], /--hour takes 0 to 23/],
    ['--hour 9.5', [...CONTRACT.slice(0, 4), '--hour', '9.5'], /--hour takes 0 to 23/],
    ['--minute 60', [...CONTRACT, '--minute', '60'], /--minute takes 0 to 59/],
    [
      '--digest funday',
      [...CONTRACT, '--digest', 'funday'],
      /--digest takes a weekday \(monday … sunday\) or off/,
    ],
    [
      '--prompts hourly',
      [...CONTRACT, '--prompts', 'hourly'],
      /--prompts takes daily, weekly or off/,
    ],
    [
      '--anniversaries maybe',
      [...CONTRACT, '--anniversaries', 'maybe'],
      /--anniversaries takes on or off/,
    ],
    [
      '--ping-role everyone',
      [...CONTRACT, '--ping-role', 'everyone'],
      /--ping-role takes a role id/,
    ],
    [
      'an unknown flag',
      [...CONTRACT, '--colour', 'blue'],
      /Unknown option '--colour'[\s\S]*Usage:/,
    ],
    ['a stray word', [...CONTRACT, 'please'], /Usage:/],
    [
      'a local --at that is no time',
      ['--at', '2025-02-30T09:00', '--timezone', 'UTC', '--hour', '9'],
      /--at needs/,
    ],
    ['--language fr', [...CONTRACT, '--language', 'fr'], /--language takes en or uk/],
    [
      '--locale and --language that disagree',
      [...CONTRACT, '--locale', 'uk', '--language', 'en'],
      /disagree/,
    ],
  ])('GIVEN %s WHEN previewed THEN it is refused, saying why', (_, argv, message) => {
    const result = previewDue(argv, data, prompts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('previewDue reads its options as a person types them', () => {
  test('GIVEN --at without an offset THEN it is a wall time in --timezone, whatever the machine’s zone', () => {
    // 09:00 in Kyiv on 16 February 2025 is 07:00Z: the same posts as the contract line.
    expect(dueJson('--at', '2025-02-16T09:00', '--timezone', 'Europe/Kyiv', '--hour', '9')).toEqual(
      dueJson(...CONTRACT),
    );
    // 07:00 read in Kyiv is 05:00Z, before 09:00 there: nothing yet.
    expect(dueJson('--at', '2025-02-16T07:00', '--timezone', 'Europe/Kyiv', '--hour', '9')).toEqual(
      [],
    );
  });

  test('GIVEN --at with an offset THEN the offset wins over --timezone', () => {
    expect(
      dueJson('--at', '2025-02-16T09:00+02:00', '--timezone', 'Europe/Kyiv', '--hour', '9'),
    ).toEqual(dueJson(...CONTRACT));
  });

  test.each([
    ['--locale uk', ['--locale', 'uk']],
    ['--language uk', ['--language', 'uk']],
    ['--locale uk --language uk', ['--locale', 'uk', '--language', 'uk']],
  ])('GIVEN %s THEN the posts are in Ukrainian', (_, flags) => {
    const [post] = dueJson(...CONTRACT, ...flags);
    expect(post?.body.content).toMatch(/[А-Яа-яІіЇїЄє]/);
    expect(post?.body.content).not.toContain('year ago today');
  });

  test('GIVEN --locale en-US THEN the posts are in English', () => {
    expect(dueJson(...CONTRACT, '--locale', 'en-US')[0]?.body.content).toContain(
      '1 year ago today',
    );
  });

  test.each([
    ['--prompts Daily', ['--prompts', 'Daily'], ['--prompts', 'daily']],
    ['--prompts OFF', ['--prompts', 'OFF'], ['--prompts', 'off']],
    ['--digest Monday', ['--digest', 'Monday'], ['--digest', 'monday']],
    ['--anniversaries Off', ['--anniversaries', 'Off'], ['--anniversaries', 'off']],
  ])('GIVEN %s THEN it reads as its lower-case form', (_, given, same) => {
    expect(dueJson(...MONDAY_WITH_ANNIVERSARY, ...given)).toEqual(
      dueJson(...MONDAY_WITH_ANNIVERSARY, ...same),
    );
  });
});

/** The preview exactly as the README runs it: through npm. */
async function npmPreview(...args: string[]) {
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

describe('npm run -s preview -- due (the contract)', () => {
  test('GIVEN the contract line WHEN run through npm THEN stdout is exactly the JSON array and nothing else', async () => {
    const [ok, bad] = await Promise.all([
      npmPreview('due', ...CONTRACT, '--json'),
      npmPreview('due', ...CONTRACT, '--prompts', 'hourly'),
    ]);

    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const posts = JSON.parse(ok.stdout) as DuePreviewPost[];
    expect(posts).toEqual(dueJson(...CONTRACT));
    expect(kindsAndKeys(posts)).toEqual([['anniversary', 'anniversary:2025-02-16']]);

    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--prompts takes daily, weekly or off');
  });
});

// Data-change announcements (issue 12): `--changes SINCE|off`.
describe('previewDue --changes', () => {
  /** 09:00 in Kyiv on 3 December 2026, with every other kind off. */
  const DEC3 = [
    ...['--at', '2026-12-03T07:00:00Z', '--timezone', 'Europe/Kyiv', '--hour', '9'],
    ...['--anniversaries', 'off', '--digest', 'off', '--prompts', 'off'],
  ];

  test('GIVEN an opt-in before the changes of 1 December WHEN previewed THEN one post per change, in changelog order, each with its sources', () => {
    const posts = dueJson(...DEC3, '--changes', '2026-11-30T12:00');
    // Changes dated before the opt-in's day (the correction of 28 November) are never posted.
    const since = data.changelog.filter((c) => c.date >= '2026-11-30');
    expect(since.length).toBeLessThan(data.changelog.length);
    expect(kindsAndKeys(posts)).toEqual(since.map((c) => ['change', `change:${c.id}`]));
    posts.forEach((post, i) => {
      for (const url of since[i]!.sources) {
        expect(JSON.stringify(post.body)).toContain(url);
      }
    });
  });

  test.each([
    ['after their day', ['--changes', '2026-12-02T12:00']],
    ['off', ['--changes', 'off']],
    ['not given', []],
  ])('GIVEN an opt-in %s WHEN previewed THEN no change post', (_, flags) => {
    expect(dueJson(...DEC3, ...flags)).toEqual([]);
  });

  test('GIVEN Ukrainian WHEN previewed THEN the change post is in Ukrainian', () => {
    const posts = dueJson(...DEC3, '--changes', '2026-11-30T12:00', '--language', 'uk');
    const kindOf = new Map(data.changelog.map((c) => [`change:${c.id}`, c.kind]));
    expect(new Set(posts.map((p) => kindOf.get(p.key)))).toEqual(new Set(['added', 'corrected']));
    for (const post of posts) {
      expect(post.body.content).toContain(
        kindOf.get(post.key) === 'added' ? 'Нове в даних бота' : 'Виправлено в даних бота',
      );
    }
  });

  test.each([
    ['an unreadable --changes', ['--changes', 'soon'], /--changes takes off or the instant/],
    ['an opt-in after --at', ['--changes', '2026-12-04T00:00:00Z'], /must come before --at/],
  ])('GIVEN %s WHEN previewed THEN a clear error', (_, flags, message) => {
    const result = previewDue([...DEC3, ...flags], data, prompts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
