import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import agreementsJson from '../../src/data/agreements.json' with { type: 'json' };
import peopleJson from '../../src/data/people.json' with { type: 'json' };
import quotesJson from '../../src/data/quotes.json' with { type: 'json' };
import {
  buildDataset,
  bundledData,
  checkSourcing,
  DataError,
  loadData,
  statedFacts,
} from '../../src/data/load.js';
import { lookupForm } from '../../src/lookup/normalize.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const LOAD_MODULE = join(ROOT, 'src', 'data', 'load.ts');

// The same objects as bundledData, but typed, so a test can break one field without casts.
const bundled = { agreements: agreementsJson, people: peopleJson, quotes: quotesJson };
type RawCopy = typeof bundled;
type RawAgreement = RawCopy['agreements'][number];

function brokenCopy(breakIt: (raw: RawCopy) => void): RawCopy {
  const raw = structuredClone(bundled);
  breakIt(raw);
  return raw;
}

function indexOf(raw: RawCopy, id: string): number {
  const index = raw.agreements.findIndex((a) => a.id === id);
  if (index < 0) throw new Error(`no agreement "${id}" in the bundled data`);
  return index;
}

function agreementIn(raw: RawCopy, id: string): RawAgreement {
  const agreement = raw.agreements[indexOf(raw, id)];
  if (!agreement) throw new Error(`no agreement "${id}"`);
  return agreement;
}

function problemsOf(raw: RawCopy): readonly string[] {
  try {
    loadData(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    if (error instanceof DataError) return error.problems;
  }
  throw new Error('loadData accepted broken data');
}

describe('loadData', () => {
  test('GIVEN the bundled data WHEN it is loaded THEN every agreement, person and quote is indexed', () => {
    expect(bundledData.agreements).toBe(agreementsJson);
    const data = loadData();
    expect(data.agreements).toHaveLength(31);
    expect(data.agreementById.get('gb')?.partner.name.en).toBe('United Kingdom');
    expect(data.people.length).toBe(peopleJson.length);
    expect(data.quotesBySpeaker.get('jamie-shea')).toHaveLength(5);
  });

  test('GIVEN the bundled data THEN it comes out in signing order', () => {
    const dates = loadData().agreements.map((a) => a.signed);
    expect(dates).toEqual([...dates].sort());
  });

  test("GIVEN the bundled data WHEN it is loaded THEN the caller's copy is left as it was", () => {
    const raw = structuredClone(bundled);
    loadData(raw);
    expect(raw).toEqual(bundled);
  });

  test.each<[string, (raw: RawCopy) => void, (raw: RawCopy) => string]>([
    [
      'an agreement date that does not exist (30 February)',
      (raw) => (agreementIn(raw, 'de').signed = '2024-02-30'),
      (raw) => `agreements[${indexOf(raw, 'de')}].signed: must be a real date`,
    ],
    [
      'an agreement date in another format',
      (raw) => (agreementIn(raw, 'de').signed = '16.02.2024'),
      (raw) => `agreements[${indexOf(raw, 'de')}].signed: must be YYYY-MM-DD`,
    ],
    [
      'a quote date with month 13',
      (raw) => (raw.quotes[0]!.date = '2024-13-01'),
      () => 'quotes[0].date: must be a real date',
    ],
    [
      'a source spelt as the reference does ("seed article"), not "article"',
      (raw) => (agreementIn(raw, 'gb').sources[0]!.url = 'seed article'),
      (raw) => `agreements[${indexOf(raw, 'gb')}].sources[0].url: `,
    ],
    [
      'a source with an ftp address',
      (raw) => (agreementIn(raw, 'fr').sources[1]!.url = 'ftp://example.org/agreement.pdf'),
      (raw) => `agreements[${indexOf(raw, 'fr')}].sources[1].url: `,
    ],
    [
      'a quote whose source is neither a web address nor the article',
      (raw) => (raw.quotes[2]!.source = 'DW'),
      () => 'quotes[2].source: ',
    ],
    [
      'a source backing a fact key that does not exist',
      (raw) => agreementIn(raw, 'gb').sources[0]!.supports.push('amount'),
      (raw) => `agreements[${indexOf(raw, 'gb')}].sources[0].supports[`,
    ],
  ])('GIVEN %s WHEN loaded THEN a problem names the path', (_case, breakIt, expectedStart) => {
    const raw = brokenCopy(breakIt);
    const problems = problemsOf(raw);
    const start = expectedStart(raw);
    expect(
      problems.some((p) => p.startsWith(start)),
      `${start}\n${problems.join('\n')}`,
    ).toBe(true);
  });

  test('GIVEN two agreements with one id WHEN loaded THEN the second is named as a duplicate', () => {
    const raw = brokenCopy((r) => (agreementIn(r, 'dk').id = 'de'));
    const second = raw.agreements.findLastIndex((a) => a.id === 'de');
    expect(second).toBeGreaterThan(indexOf(raw, 'de'));
    expect(problemsOf(raw)).toContain(`agreements[${second}].id: duplicate id "de"`);
  });

  test.each([
    ['Britain', 'an alias'],
    ['United Kingdom', 'the full name'],
    ['GB', 'the ISO code'],
  ])(
    'GIVEN a second partner that claims "%s" (%s of the UK) WHEN loaded THEN its partner is named',
    (name) => {
      const raw = brokenCopy((r) => (agreementIn(r, 'ie').partner.aliases as string[]).push(name));
      const at = indexOf(raw, 'ie');
      expect(problemsOf(raw)).toContainEqual(
        expect.stringMatching(
          new RegExp(`^agreements\\[${at}\\]\\.partner: name ".+" is also used by "gb"$`),
        ),
      );
    },
  );

  test("GIVEN a second partner whose alias differs from the UK's name only by Latin lookalike letters WHEN loaded THEN its partner is named, as the lookup reads both alike", () => {
    // "Вeлика Бpитaнія" types e, p and a on a Latin keyboard: the lookup folds them back to Cyrillic.
    const lookalike = 'Вeлика Бpитaнія';
    expect(lookupForm(lookalike)).toBe(lookupForm('Велика Британія'));
    const raw = brokenCopy((r) =>
      (agreementIn(r, 'ie').partner.aliases as string[]).push(lookalike),
    );
    expect(problemsOf(raw)).toContain(
      `agreements[${indexOf(raw, 'ie')}].partner: name "велика британія" is also used by "gb"`,
    );
  });

  test('GIVEN two people with one id WHEN loaded THEN the second is named as a duplicate', () => {
    // Otherwise personById keeps the last one, and every quote of the first shows the second's name.
    const raw = brokenCopy((r) =>
      r.people.push({
        ...r.people[4]!,
        name: { en: 'Someone Else', uk: 'Хтось інший' },
        aliases: [],
      }),
    );
    const second = raw.people.length - 1;
    expect(problemsOf(raw)).toContain(`people[${second}].id: duplicate id "jamie-shea"`);
  });

  test('GIVEN one alias on two people WHEN loaded THEN the second person is named', () => {
    const raw = brokenCopy((r) => r.people[4]!.aliases.push('Tusk'));
    expect(problemsOf(raw)).toContain('people[4]: name "tusk" is also used by "donald-tusk"');
  });

  test('GIVEN a quote whose speaker does not exist WHEN loaded THEN the quote is named', () => {
    const raw = brokenCopy((r) => (r.quotes[5]!.speakerId = 'nobody-at-all'));
    expect(problemsOf(raw)).toContain('quotes[5].speakerId: no person "nobody-at-all"');
  });

  test('GIVEN a supports entry for a commitment that does not exist WHEN loaded THEN the source is named', () => {
    const raw = brokenCopy((r) => agreementIn(r, 'nl').sources[2]!.supports.push('commitments.9'));
    expect(problemsOf(raw)).toContain(
      `agreements[${indexOf(raw, 'nl')}].sources[2].supports: no commitment "commitments.9"`,
    );
  });

  test.each<[string, string, string]>([
    ['durationYears', 'gb', 'no source backs it'],
    ['title', 'it', 'it was unconfirmed'],
    ['signatories.partner', 'gb', 'the curator had checked it without a sentence'],
    ['commitments.2', 'it', 'the curator had checked it without a sentence'],
  ])(
    'GIVEN %s of %s stripped of its backing (%s) WHEN loaded THEN the fact is named',
    (fact, id, _how) => {
      const raw = brokenCopy((r) => {
        const agreement = agreementIn(r, id);
        for (const source of agreement.sources) {
          source.supports = source.supports.filter((f) => f !== fact);
        }
        agreement.unconfirmed = agreement.unconfirmed.filter((f) => f !== fact);
        const curator = agreement.curator as { checkedWithoutSentence?: string[] };
        curator.checkedWithoutSentence = curator.checkedWithoutSentence?.filter((f) => f !== fact);
      });
      expect(problemsOf(raw)).toContain(
        `agreements[${indexOf(raw, id)}] (${id}).sources: no source supports "${fact}" and it is not unconfirmed`,
      );
    },
  );

  test('GIVEN an unsupported fact WHEN it is listed as unconfirmed THEN loading succeeds', () => {
    const raw = brokenCopy((r) => {
      const agreement = agreementIn(r, 'gb');
      for (const source of agreement.sources) {
        source.supports = source.supports.filter((f) => f !== 'durationYears');
      }
      (agreement.unconfirmed as string[]).push('durationYears');
    });
    expect(() => loadData(raw)).not.toThrow();
  });

  test.each<[string, string, (a: RawAgreement) => void]>([
    ['unconfirmed', 'title', (a) => (a.unconfirmed as string[]).push('title')],
    [
      'backed by a sentence',
      'durationYears',
      (a) =>
        (a.curator as { checkedWithoutSentence: string[] }).checkedWithoutSentence.push(
          'durationYears',
        ),
    ],
  ])(
    'GIVEN a fact the curator checked without a sentence WHEN it is also %s THEN loading names it',
    (_how, fact, breakIt) => {
      const raw = brokenCopy((r) => {
        const agreement = agreementIn(r, 'gb');
        breakIt(agreement);
        if (fact === 'title') {
          (agreement.curator as { checkedWithoutSentence: string[] }).checkedWithoutSentence.push(
            'title',
          );
        }
      });
      expect(problemsOf(raw)).toContain(
        `agreements[${indexOf(raw, 'gb')}] (gb).curator.checkedWithoutSentence: "${fact}" is also sourced or unconfirmed`,
      );
    },
  );
});

describe('buildDataset', () => {
  const data = loadData();

  test('GIVEN the facts in another order WHEN built THEN the agreements come out in signing order, each findable by id', () => {
    const built = buildDataset({ ...data, agreements: [...data.agreements].reverse() });
    expect(built.agreements).toEqual(data.agreements);
    expect([...built.agreementById.keys()]).toEqual([...data.agreementById.keys()]);
  });

  test('GIVEN fewer facts WHEN built THEN every index is of those facts, not of the data it came from', () => {
    const kept = data.agreements.filter((a) => a.id !== 'de');
    const quotes = data.quotes.filter((q) => q.speakerId !== 'jamie-shea');
    const built = buildDataset({ ...data, agreements: kept, quotes });
    const { indexes } = built;
    expect(indexes.partners.entries.map((e) => e.item)).toEqual(kept);
    expect(indexes.subjects.entries).toHaveLength(kept.length + data.records.length);
    expect([...indexes.quoteWords.keys()]).toEqual(quotes);
    expect([...indexes.schedule.byMonthDay.values()].flat()).toHaveLength(kept.length);
    expect(indexes.schedule.quotes.map((q) => q.quote)).toEqual(quotes);
    expect(indexes.search.records.has('a:de')).toBe(false);
    expect(data.indexes.search.records.has('a:de')).toBe(true);
    expect(indexes.search.records.size).toBe(
      data.indexes.search.records.size - 1 - (data.quotes.length - quotes.length),
    );
  });

  test('GIVEN the bundled data WHEN it is loaded THEN nothing asks ICU for collation, zones, plurals or words', async () => {
    // Each of these maps ICU data (collation alone ~2 MiB of RSS) that the start otherwise never
    // touches until a user needs it. In a process of its own: luxon asks Intl for the system's
    // locale once per process, so in this one an earlier test could have asked already.
    const probe = `
      const asked = [];
      let watching = false;
      for (const name of ['Collator', 'DateTimeFormat', 'PluralRules', 'Segmenter']) {
        const count = () => watching && asked.push('Intl.' + name);
        Intl[name] = new Proxy(Intl[name], {
          construct: (target, args) => (count(), Reflect.construct(target, args)),
          apply: (target, self, args) => (count(), Reflect.apply(target, self, args)),
        });
      }
      const localeCompare = String.prototype.localeCompare;
      String.prototype.localeCompare = function (...args) {
        if (watching) asked.push('localeCompare');
        return localeCompare.apply(this, args);
      };
      const { loadData } = await import(${JSON.stringify(pathToFileURL(LOAD_MODULE).href)});
      watching = true;
      loadData();
      watching = false;
      process.stdout.write(JSON.stringify(asked));
    `;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', probe],
      { cwd: ROOT, timeout: 30_000 },
    );
    expect(JSON.parse(stdout)).toEqual([]);
  });
});

describe('checkSourcing', () => {
  test('GIVEN the bundled agreements THEN every stated fact is backed or unconfirmed', () => {
    const data = loadData();
    expect(checkSourcing(data.agreements)).toEqual([]);
    for (const agreement of data.agreements) {
      const accounted = new Set([
        ...agreement.sources.flatMap((s) => s.supports),
        ...agreement.unconfirmed,
        ...agreement.curator.checkedWithoutSentence,
      ]);
      expect(
        statedFacts(agreement).filter((f) => !accounted.has(f)),
        agreement.id,
      ).toEqual([]);
    }
  });

  test('GIVEN a fact that is null THEN it needs no source', () => {
    const eu = loadData().agreementById.get('eu');
    expect(eu?.durationYears).toBeNull();
    expect(eu && statedFacts(eu)).not.toContain('durationYears');
  });
});
