import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import { replyToText } from '../../src/preview/text.js';
import { RECENT_CHANGES } from '../../src/render/later.js';
import type { ReplyBody } from '../../src/render/reply.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testContext, testData } from '../helpers/context.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const data = testData();

/** What the preview prints for a command line, in process: the same command and printer it uses. */
async function previewText(
  command: string,
  options: Record<string, string>,
  locale: string,
): Promise<{ body: ReplyBody; text: string }> {
  const found = findCommand(command);
  if (!found) throw new Error(`no command ${command}`);
  const body = await found.respond(input(options, { locale }), testContext());
  return { body, text: replyToText(body, locale) };
}

/** Names people use for each later record, in both languages, and what the answer must say. */
const NAMES: readonly [string, string, string, RegExp, RegExp][] = [
  ['gb-100-year-partnership', '100 year', '100-річне партнерство', /Signed/, /Підписано/],
  ['us-reconstruction-fund', 'minerals deal', 'угода про надра', /ratified/, /ратифіковано/],
  ['coalition-of-the-willing', 'coalition of the willing', 'коаліція охочих', /framework/, /Рамка/],
  ['paris-declaration-2026', 'Paris declaration', 'Паризька декларація', /framework/, /Рамка/],
  [
    'mnf-declaration-of-intent-2026',
    'declaration of intent',
    'декларація про наміри',
    /Signed/,
    /Підписано/,
  ],
  [
    'us-security-guarantees',
    'US guarantees',
    'гарантії США',
    /Drafted, not signed/,
    /не підписано/,
  ],
  ['me', 'Montenegro', 'Чорногорія', /Talks, no agreement signed/, /угоду не підписано/],
  ['au', 'Australia', 'Австралія', /Talks, no agreement signed/, /угоду не підписано/],
  ['bg', 'Bulgaria', 'Болгарія', /Talks, no agreement signed/, /угоду не підписано/],
  [
    'mk',
    'North Macedonia',
    'Північна Македонія',
    /No security agreement/,
    /Безпекової угоди немає/,
  ],
  ['at', 'Austria', 'Австрія', /No security agreement/, /Безпекової угоди немає/],
];

describe('the preview answers for each later record and each no-agreement partner', () => {
  test('GIVEN the table THEN it covers every later record', () => {
    expect(NAMES.map(([id]) => id).sort()).toEqual(data.records.map((r) => r.id).sort());
  });

  test.each(NAMES.map(([id, en, , status]) => [en, id, status] as const))(
    'GIVEN /agreement partner:%s in English THEN the record %s, its status, sources and data date',
    async (name, id, status) => {
      const { body, text } = await previewText('agreement', { partner: name }, 'en-US');
      const record = data.recordById.get(id)!;
      expect(text).toContain(record.title.en);
      expect(text).toMatch(status);
      expect(text).toContain(record.sources[0]!.url);
      expect(text).toContain('Our data runs to 22 Apr 2026');
      expect(text).toContain('last checked 1 Dec 2026');
      expect(text).not.toMatch(/\p{Script=Cyrillic}/u);
      expectWithinDiscordLimits(body);
    },
  );

  test.each(NAMES.map(([id, , uk, , status]) => [uk, id, status] as const))(
    'GIVEN /agreement partner:%s in Ukrainian THEN the record %s in Ukrainian, marked a translation',
    async (name, id, status) => {
      const { body, text } = await previewText('agreement', { partner: name }, 'uk');
      const record = data.recordById.get(id)!;
      expect(text).toContain(record.title.uk);
      expect(text).toMatch(status);
      expect(text).toContain('наш переклад з англійської');
      expect(text).toContain('Наші дані сягають 22 квіт. 2026');
      expect(text).not.toContain(record.title.en);
      expectWithinDiscordLimits(body);
    },
  );

  test.each([
    ['en-US', 'Ukraine has no security agreement with Montenegro in our data.'],
    ['uk', 'Україна не має безпекової угоди з партнером «Чорногорія»'],
  ])(
    'GIVEN Montenegro in %s THEN talks, no agreement signed, with sources, not "unknown"',
    async (locale, said) => {
      const { text } = await previewText('agreement', { partner: 'Montenegro' }, locale);
      expect(text).toContain(said);
      expect(text).toContain('en.vijesti.me');
      expect(text).not.toMatch(/I don’t know|Не знаю/);
    },
  );

  test.each(['en-US', 'uk'])(
    'GIVEN /guarantees in %s THEN every guarantee step, dated and sourced, latest included',
    async (locale) => {
      const { body, text } = await previewText('guarantees', {}, locale);
      const steps = data.records.filter((r) => r.track === 'guarantees').flatMap((r) => r.timeline);
      const shown = JSON.stringify(body.embeds);
      for (const step of steps) {
        expect(shown).toContain((locale === 'uk' ? step.text.uk : step.text.en).slice(0, 40));
      }
      expect(text).toContain('mb.com.ph');
      expectWithinDiscordLimits(body);
    },
  );

  test.each(['en-US', 'uk'])(
    'GIVEN /changes in %s THEN the recent changes with their sources',
    async (locale) => {
      const { body, text } = await previewText('changes', {}, locale);
      const recent = [...data.changelog].reverse().slice(0, RECENT_CHANGES);
      expect(recent).toHaveLength(Math.min(RECENT_CHANGES, data.changelog.length));
      for (const change of recent) {
        expect(text).toContain((locale === 'uk' ? change.text.uk : change.text.en).slice(0, 40));
      }
      // The Ukrainian reply says its change texts are our translation; the English one has none.
      const translated = recent.some((change) => change.text.ukIsTranslation);
      expect(translated).toBe(true);
      expect(body.embeds![0]!.description).toContain(
        locale === 'uk' ? 'наш переклад з англійської' : 'Our data runs to',
      );
      if (locale !== 'uk') expect(text).not.toContain('🔤');
      expectWithinDiscordLimits(body);
    },
  );

  test.each(['en-US', 'uk'])(
    'GIVEN /timeline in %s THEN it continues past 2024 to January 2026',
    async (locale) => {
      const { body } = await previewText('timeline', {}, locale);
      expect(body.embeds).toHaveLength(2);
      const later = body.embeds![1]!;
      expect(later.fields!.map((f) => f.name).join(' ')).toMatch(/2026/);
      expect(JSON.stringify(later)).toContain(
        locale === 'uk' ? 'Паризька декларація' : 'Paris Declaration',
      );
      expectWithinDiscordLimits(body);
    },
  );

  test('GIVEN /about THEN it says how far the data runs', async () => {
    expect((await previewText('about', {}, 'en-US')).text).toContain(
      'Our data runs to 22 Apr 2026',
    );
    expect((await previewText('about', {}, 'uk')).text).toContain(
      'Наші дані сягають 22 квіт. 2026',
    );
  });
});

describe('the real preview, through npm, for the later records', () => {
  test.each([
    [['/agreement partner:Montenegro', '--locale', 'uk'], 'Чорногорія'],
    [['/agreement partner:minerals deal'], 'Reconstruction Investment Fund'],
    [['--autocomplete', '/agreement partner:coalition'], 'Coalition of the willing'],
  ])(
    'GIVEN %j THEN exit 0 and the record',
    async (args, expected) => {
      const { stdout, stderr } = await run('npm', ['run', '-s', 'preview', '--', ...args], {
        cwd: root,
        timeout: 60_000,
      });
      expect(stderr).toBe('');
      expect(stdout).toContain(expected);
    },
    90_000,
  );
});
