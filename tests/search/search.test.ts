import { describe, expect, test } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import { buildDataset } from '../../src/data/load.js';
import type { SlashCommand } from '../../src/commands/types.js';
import { LIMITS } from '../../src/render/limits.js';
import {
  carriedQuery,
  markMatches,
  QUERY_ROOM,
  SEARCH_PAGE_SIZE,
} from '../../src/render/search.js';
import { closeTerms, search, suggestQueries } from '../../src/search/index.js';
import { loadSynonyms } from '../../src/search/synonyms.js';
import { tokenize } from '../../src/search/terms.js';
import synonymsJson from '../../src/data/synonyms.json' with { type: 'json' };
import { expectValidChoices, expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testContext, testData } from '../helpers/context.js';

const data = testData();
const index = data.indexes.search;

function command(name: string): SlashCommand {
  const found = findCommand(name);
  if (!found) throw new Error(`no /${name}`);
  return found;
}

function firstHit(query: string): string | undefined {
  const outcome = search(index, { query });
  return outcome.kind === 'found' ? outcome.hits[0]?.record.id : outcome.kind;
}

/**
 * [query, the record it must find first]: names, places, people, amounts and what was committed,
 * in English and Ukrainian, with typos, other spellings and synonyms. `a:` is an agreement by id,
 * `q:` a quote.
 */
const FIRST_HITS: [string, string][] = [
  // Partners by name, in both languages, with typos and Ukrainian case endings.
  ['Germany', 'a:de'],
  ['Germny', 'a:de'],
  ['Німеччина', 'a:de'],
  ['Нiмеччина', 'a:de'], // a Latin "i" from a switched keyboard
  ['Німеччини', 'a:de'], // genitive
  ['Німечина', 'a:de'], // typo
  ['Японія', 'a:jp'],
  ['Румунія', 'a:ro'],
  ['Holland', 'a:nl'],
  ['EU', 'a:eu'], // also a word in the Compact's long name: the EU's own name wins
  ['ЄС', 'a:eu'],
  ['Євросоюз', 'a:eu'],
  ['Ukraine Compact', 'a:ukraine-compact'],
  ['Vilnius declaration', 'a:g7-declaration'],
  // Places and signatories, in both languages.
  ['Warsaw', 'a:pl'],
  ['Warsw', 'a:pl'],
  ['Берлін', 'a:de'],
  ['Вільнюс', 'a:g7-declaration'],
  ['Lviv', 'a:dk'],
  ['Львів', 'a:dk'],
  ['Харків', 'a:nl'],
  ['Three Seas', 'a:lv'],
  ['Macron', 'a:fr'],
  ['Макрон', 'a:fr'],
  ['Kishida', 'a:jp'],
  ['Biden', 'a:us'],
  ['Байден', 'a:us'],
  // What was committed: amounts, weapons, and synonyms across languages.
  ['Japan 4.5 billion', 'a:jp'],
  ['C$3.02 billion', 'a:ca'],
  ['30 F-16s', 'a:be'],
  ['fighter jets Belgium', 'a:be'],
  ['F16', 'a:no'],
  ['винищувачі', 'a:no'],
  ['Patriot', 'a:ro'],
  ['air defence Romania', 'a:ro'],
  ['ППО Румунія', 'a:ro'],
  ['IRIS-T', 'a:de'],
  ['Skynex', 'a:de'],
  ['NASAMS', 'a:no'],
  ['mine clearance', 'a:ie'],
  ['розмінування', 'a:ie'],
  ['joint weapon production', 'a:fr'],
  ['intelligence sharing', 'a:us'],
  ['disputed', 'a:hr'],
  ['спірна', 'a:hr'],
  // What people said: by topic in either language, with a typo, and by speaker.
  ['Article 5', 'q:jamie-shea-4'],
  ['стаття 5', 'q:jamie-shea-4'],
  // Since the 2025–26 records, the guarantee track itself outranks what was said about it.
  ['guarantees', 'r:us-security-guarantees'],
  ['гарантії', 'r:us-security-guarantees'],
  // The later records (2025–2026), by what they say, in either language.
  ['coalition of the willing', 'r:coalition-of-the-willing'],
  ['коаліція охочих', 'r:coalition-of-the-willing'],
  ['minerals deal', 'r:us-reconstruction-fund'],
  ['Паризька декларація', 'r:paris-declaration-2026'],
  ['100 year partnership', 'r:gb-100-year-partnership'],
  ['multinational force', 'r:mnf-declaration-of-intent-2026'],
  ['psycological', 'q:jamie-shea-1'],
  ['war would end badly', 'q:donald-tusk-1'],
  ['Kristersson Nordic', 'q:ulf-kristersson-1'],
  ['Йоганніс', 'q:klaus-iohannis-1'],
  // The 2025–26 records by the words members type, through the synonyms added for them.
  ['надра', 'r:us-reconstruction-fund'],
  ['корисні копалини', 'r:us-reconstruction-fund'],
  ['security guarantees', 'r:us-security-guarantees'],
  ['гарантії безпеки', 'r:us-security-guarantees'],
  ['Paris declaration', 'r:paris-declaration-2026'],
  ['Паризьку декларацію', 'r:paris-declaration-2026'], // accusative, as in the records' notes
  ['коаліції охочих', 'r:coalition-of-the-willing'], // genitive
  ['припинення вогню', 'r:paris-declaration-2026'],
];

describe('GIVEN the search index over every agreement and quote', () => {
  test('THEN the query table holds at least 40 queries, in both scripts', () => {
    expect(FIRST_HITS.length).toBeGreaterThanOrEqual(40);
    expect(
      FIRST_HITS.filter(([q]) => /\p{Script=Cyrillic}/u.test(q)).length,
    ).toBeGreaterThanOrEqual(15);
    // Every expected record exists: a renamed id must fail here, not pass as "no match".
    for (const [, id] of FIRST_HITS) expect(index.records.has(id), id).toBe(true);
  });

  test.each(FIRST_HITS)('WHEN searching %j THEN %s comes first', (query, id) => {
    expect(firstHit(query)).toBe(id);
  });

  test.each(['24 hours', '24-hour clause', '24 години', 'консультації протягом 24 годин'])(
    'WHEN searching agreements for %j THEN every agreement that states the clause comes before any other',
    (query) => {
      const outcome = search(index, { query, type: 'agreement' });
      expect(outcome.kind).toBe('found');
      if (outcome.kind !== 'found') return;
      const stated = data.agreements.filter((a) => a.consultations24h === true).length;
      const top = outcome.hits.slice(0, stated).map((hit) => hit.record);
      expect(
        top.every((r) => r.type === 'agreement' && r.agreement.consultations24h === true),
      ).toBe(true);
    },
  );

  test('WHEN a commitment and a note both hold the word THEN the commitment counts more', () => {
    const withNote = data.agreements.find((a) => a.notes.length > 0 && a.commitments.length > 0)!;
    // One word from a note and one from a commitment of another agreement, searched as one query:
    // both records match one word each, and the field decides.
    const noteWord = 'ZZNOTEWORD';
    const changed = buildDataset({
      ...data,
      agreements: data.agreements.map((a) =>
        a === withNote
          ? { ...a, notes: [`${noteWord}`] }
          : a.id === 'jp'
            ? { ...a, commitments: [{ ...a.commitments[0]!, text: noteWord }] }
            : a,
      ),
    });
    const outcome = search(changed.indexes.search, { query: noteWord });
    expect(outcome.kind).toBe('found');
    if (outcome.kind === 'found') {
      expect(outcome.hits.map((h) => h.record.id)).toEqual(['a:jp', `a:${withNote.id}`]);
      expect(outcome.hits[0]!.passage.field).toBe('commitments');
      expect(outcome.hits[1]!.passage.field).toBe('notes');
    }
  });

  test('WHEN no record has every word THEN records with some of them, said so', () => {
    const outcome = search(index, { query: 'Warsaw Vilnius' });
    expect(outcome).toMatchObject({ kind: 'found', allWords: false });
  });

  test('WHEN nothing matches THEN no match, with close words from the index', () => {
    expect(search(index, { query: 'qqqqzz' })).toEqual({ kind: 'no-match', closeTerms: [] });
    expect(closeTerms(index, 'artlery')).toContain('artillery');
    expect(search(index, { query: 'the of та і' })).toEqual({ kind: 'empty' });
  });

  test('WHEN a search is restricted to quotes THEN only quotes come back', () => {
    const outcome = search(index, { query: 'Poland', type: 'quote' });
    expect(outcome.kind).toBe('found');
    if (outcome.kind === 'found') {
      expect(outcome.hits.every((h) => h.record.type === 'quote')).toBe(true);
    }
  });

  test('WHEN the same Dataset is searched twice THEN the index is built once', () => {
    expect(data.indexes.search).toBe(index);
  });
});

describe('GIVEN the synonyms added for the 2025–26 records', () => {
  const ADDED = ['minerals', 'willing', 'declaration', 'paris', 'ceasefire'];
  const groups = loadSynonyms().groups.filter((group) => ADDED.includes(group.id));

  test('THEN every word of every term occurs in the data’s texts', () => {
    expect(groups.map((group) => group.id).sort()).toEqual([...ADDED].sort());
    for (const group of groups) {
      for (const term of group.terms) {
        for (const word of tokenize(term))
          expect(index.terms.has(word), `${group.id}: ${term}`).toBe(true);
      }
    }
  });

  // The sources' sentences are in English: only a synonym takes a Ukrainian word to them.
  test.each([
    ['надра', 'r:us-reconstruction-fund'],
    ['корисні копалини', 'r:us-reconstruction-fund'],
    ['охочих', 'r:coalition-of-the-willing'],
    ['декларацію', 'r:mnf-declaration-of-intent-2026'],
    ['Парижі', 'r:coalition-of-the-willing'],
    ['припинення вогню', 'r:paris-declaration-2026'],
  ])('WHEN %j is searched in the sources’ English sentences THEN %s comes first', (query, id) => {
    const outcome = search(index, { query, fields: ['sources'] });
    expect(outcome.kind === 'found' ? outcome.hits[0]?.record.id : outcome.kind).toBe(id);
  });
});

describe('GIVEN the synonyms file', () => {
  test('THEN it loads, and every group has a term in each language', () => {
    const synonyms = loadSynonyms();
    expect(synonyms.groups.length).toBeGreaterThan(20);
    for (const group of synonyms.groups) {
      expect(
        group.terms.some((t) => /\p{Script=Latin}/u.test(t)),
        group.id,
      ).toBe(true);
      expect(
        group.terms.some((t) => /\p{Script=Cyrillic}/u.test(t)),
        group.id,
      ).toBe(true);
    }
  });

  test.each([
    [
      'a term in two groups',
      { ...synonymsJson, groups: [...synonymsJson.groups, { id: 'again', terms: ['ППО', 'SAM'] }] },
      /also in group "air-defence"/,
    ],
    [
      'a group of one',
      { ...synonymsJson, groups: [{ id: 'one', terms: ['solo'] }] },
      /groups\.0\.terms/,
    ],
    [
      'a term with no letters',
      { ...synonymsJson, groups: [{ id: 'x', terms: ['—', 'y'] }] },
      /no letters/,
    ],
    ['a bad id', { ...synonymsJson, groups: [{ id: 'Air Defence', terms: ['a', 'b'] }] }, /slug/],
  ])('WHEN it holds %s THEN loading fails naming the path', (_, raw, message) => {
    expect(() => loadSynonyms(raw)).toThrow(message);
  });
});

describe('GIVEN a passage and the terms that matched', () => {
  test('THEN neighbouring matches are bold as one run, and markdown in the data is escaped', () => {
    expect(
      markMatches('Supply of F-16 fighter jets and *training*', new Set(['fighter', 'jets'])),
    ).toBe('Supply of F-16 **fighter jets** and \\*training\\*');
  });

  test('THEN a long passage is cut around its first match', () => {
    const text = `${'word '.repeat(200)}Patriot ${'more '.repeat(200)}`;
    const marked = markMatches(text, new Set(['patriot']));
    expect(marked).toContain('**Patriot**');
    expect(marked.startsWith('…')).toBe(true);
    expect(marked.length).toBeLessThan(340);
  });
});

describe('GIVEN /search', () => {
  const searchCommand = command('search');

  test('WHEN a query has more results than a page THEN Next carries the query, and its page is the second', async () => {
    const first = await searchCommand.respond(input({ query: 'F-16' }), testContext());
    expectWithinDiscordLimits(first);
    expect(first.embeds?.[0]?.fields).toHaveLength(SEARCH_PAGE_SIZE);
    const ids = first.components?.[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual(['search:p:x:-1:F-16', 'search:p:x:1:F-16']);
    const [, ...args] = ids![1]!.split(':');
    const second = await searchCommand.button!({ ...input(), args }, testContext());
    expectWithinDiscordLimits(second);
    expect(second.embeds?.[0]?.fields?.[0]?.name).toMatch(/^6\. /);
    expect(second.embeds?.[0]?.fields).not.toEqual(first.embeds?.[0]?.fields);
  });

  test('WHEN the query is as long as Discord allows, with colons THEN the button id fits and finds the same', async () => {
    const query = `Ukraine: ${'support '.repeat(20)}`.slice(0, 100);
    const body = await searchCommand.respond(input({ query }), testContext());
    const ids =
      body.components?.flatMap((row) =>
        row.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
      ) ?? [];
    expect(ids.length).toBe(2);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(carriedQuery(query).length).toBeLessThanOrEqual(QUERY_ROOM);
    const [, ...args] = ids[1]!.split(':');
    expect(args.slice(3).join(':')).toBe(carriedQuery(query));
  });

  test('WHEN kind is quotes THEN only quotes, and the scope rides on the buttons', async () => {
    const body = await searchCommand.respond(
      input({ query: 'Ukraine', kind: 'quotes' }),
      testContext(),
    );
    for (const field of body.embeds?.[0]?.fields ?? []) expect(field.name).toMatch(/Quote: /);
    const ids = body.components?.[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids?.[1]).toBe('search:p:q:1:Ukraine');
  });

  test('WHEN nothing matches THEN an ephemeral answer that says so and suggests close words', async () => {
    const body = await searchCommand.respond(input({ query: 'artlery' }), testContext());
    expect(body.flags).toBe(64);
    expect(body.content).toContain('Nothing in our records matches “artlery”');
    expect(body.content).toContain('**artillery**');
  });

  test('WHEN the reader is Ukrainian THEN the reply is in Ukrainian', async () => {
    const body = await searchCommand.respond(
      input({ query: 'ППО' }, { locale: 'uk' }),
      testContext(),
    );
    expect(body.embeds?.[0]?.title).toBe('Пошук: «ППО»');
    expect(body.embeds?.[0]?.fields?.[0]?.name).toContain('Румунія');
  });

  test.each([
    ['air de', 'en-US', 'air defence'],
    ['гар', 'uk', 'гарантії'],
    ['fighter j', 'en-US', 'fighter jets'],
    ['F-16 Bel', 'en-US', 'F-16 belgium'],
  ])('WHEN %j is typed THEN autocomplete offers %j', (typed, locale, expected) => {
    const choices = searchCommand.autocomplete!(
      { ...input({}, { locale }), focused: { name: 'query', value: typed } },
      testContext(),
    );
    expectValidChoices(choices);
    expect(choices.map((c) => c.value)).toContain(expected);
  });

  test('WHEN nothing is typed THEN autocomplete offers one term of each synonym group, in the reader’s script', () => {
    const uk = searchCommand.autocomplete!(
      { ...input({}, { locale: 'uk' }), focused: { name: 'query', value: '' } },
      testContext(),
    );
    expectValidChoices(uk);
    expect(uk.length).toBe(LIMITS.autocompleteChoices);
    expect(uk.map((c) => c.name)).toContain('ППО');
  });

  test('WHEN suggestions complete a word after others THEN each suggestion finds something', () => {
    for (const suggestion of suggestQueries(index, 'F-16 t', 25)) {
      expect(search(index, { query: suggestion }).kind, suggestion).toBe('found');
    }
  });
});
