import { describe, expect, test } from 'vitest';
import type { Agreement } from '../../src/data/schema.js';
import { stringsFor, type Language } from '../../src/i18n/index.js';
import { renderAgreement } from '../../src/render/agreement.js';
import {
  renderAnniversaryPost,
  renderDigestPost,
  renderPromptPost,
} from '../../src/render/posts.js';
import { renderQuote } from '../../src/render/quote.js';
import { promptSources } from '../../src/schedule/prompts.js';
import { data, prompts } from '../schedule/helpers.js';

const LANGUAGES: readonly Language[] = ['en', 'uk'];

/**
 * What a reader must never see: the data's field names, a curator's to-dos, and the words of how
 * the data was gathered ("seed", "stored source") rather than of what the sources say.
 */
const CURATOR_TALK: readonly (readonly [string, RegExp])[] = [
  [
    'a field name',
    /\b(consultations24h|durationYears|signatories\.(partner|ukraine)|textUrl|inDw21|inUkraineMoDList2025|factKey|commitments\.\d)\b|\bkind\s*=|=\s*(true|false|null)\b/,
  ],
  ['a to-do', /\b(TODO|FIXME|TBD|Verify|verify against|to be checked)\b/],
  ['shouting', /\b(NOT|INFERRED|DISPUTED)\b/],
  ['curator words', /\bseed\b|Seed article|stored source|from memory|sources? seen|\bexcerpt\b/i],
  ['a curator citation', /DW\/Krayev|\(\d{6,}\)|\bper regtrends\b/],
];

function curatorTalkIn(text: string): string[] {
  return CURATOR_TALK.filter(([, pattern]) => pattern.test(text)).map(
    ([what]) => `${what}: ${text.match(CURATOR_TALK.find(([w]) => w === what)![1])![0]}`,
  );
}

/** Every string inside a rendered reply or post, wherever Discord would show it. */
function shownStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(shownStrings);
  if (value && typeof value === 'object') {
    // Addresses are the sources' own; a link's host or path is not the bot's wording.
    return Object.entries(value).flatMap(([key, inner]) =>
      key === 'url' || key === 'custom_id' ? [] : shownStrings(inner),
    );
  }
  return [];
}

function withoutLinks(text: string): string {
  return text.replace(/<?https?:\/\/[^\s)>]+>?/g, '');
}

const speakerOf = (speakerId: string) => {
  const speaker = data.personById.get(speakerId);
  if (!speaker) throw new Error(`no speaker ${speakerId}`);
  return speaker;
};

function everythingShownFor(agreement: Agreement, language: Language): string[] {
  const strings = stringsFor(language);
  const localDate = `2026-${agreement.signed.slice(5)}`;
  return [
    ...shownStrings(renderAgreement(agreement, strings)),
    ...shownStrings(
      renderAnniversaryPost({ localDate, agreements: [agreement], pingRoleId: null, language }),
    ),
    ...shownStrings(
      renderDigestPost({
        localDate,
        upcoming: [{ date: localDate, agreement, years: 1 }],
        featured: agreement,
        quote: null,
        pingRoleId: null,
        language,
      }),
    ),
  ];
}

describe('what readers see holds no curator talk', () => {
  test.each(
    data.agreements.flatMap((a) => LANGUAGES.map((language) => [a.id, language, a] as const)),
  )(
    'GIVEN agreement %s WHEN shown in %s THEN no shown text is curator talk',
    (_id, language, a) => {
      const found = everythingShownFor(a, language).flatMap((text) =>
        curatorTalkIn(withoutLinks(text)),
      );
      expect(found).toEqual([]);
    },
  );

  test.each(data.quotes.flatMap((q) => LANGUAGES.map((language) => [q.id, language, q] as const)))(
    'GIVEN quote %s WHEN shown in %s THEN no shown text is curator talk',
    (_id, language, quote) => {
      const speaker = speakerOf(quote.speakerId);
      const shown = [
        ...shownStrings(renderQuote(quote, speaker, stringsFor(language))),
        ...shownStrings(
          renderDigestPost({
            localDate: '2026-02-16',
            upcoming: [],
            featured: data.agreements[0]!,
            quote: { quote, speaker },
            pingRoleId: null,
            language,
          }),
        ),
      ];
      expect(shown.flatMap((text) => curatorTalkIn(withoutLinks(text)))).toEqual([]);
    },
  );

  test.each(
    prompts.prompts.flatMap((p) => LANGUAGES.map((language) => [p.id, language, p] as const)),
  )(
    'GIVEN prompt %s WHEN posted in %s THEN no shown text is curator talk',
    (_id, language, prompt) => {
      const { agreements, quotes } = promptSources(prompt, data);
      const { body } = renderPromptPost({
        prompt,
        agreements,
        quotes,
        cadence: 'daily',
        localDate: '2026-02-16',
        pingRoleId: null,
        language,
      });
      expect(shownStrings(body).flatMap((text) => curatorTalkIn(withoutLinks(text)))).toEqual([]);
    },
  );

  test.each([
    ['Verify.', 'a to-do'],
    ['consultations24h=true rests on a statement', 'a field name'],
    ['Exact date NOT stated in any source seen', 'shouting'],
    ['DW/Krayev (seed) says', 'curator words'],
    ['no stored source named them (from memory)', 'curator words'],
    ["Seed article: DW, 'Security pacts…'", 'curator words'],
    ['(DW/Krayev, seed article)', 'a curator citation'],
  ])('GIVEN the curator note "%s" THEN the check catches it as %s', (text, what) => {
    expect(curatorTalkIn(text).map((found) => found.split(':')[0])).toContain(what);
  });

  test('GIVEN the curator notes kept in the data THEN the check would catch some of them', () => {
    // The originals are what the readers' versions replaced: proof the check looks at real cases.
    const originals = [
      ...data.agreements.flatMap((a) => a.curator.notes),
      ...data.quotes.flatMap((q) => (q.curator ? [q.curator.context] : [])),
    ];
    expect(originals.filter((text) => curatorTalkIn(text).length > 0).length).toBeGreaterThan(10);
  });
});
