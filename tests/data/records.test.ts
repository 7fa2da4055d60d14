import { describe, expect, test } from 'vitest';
import agreementsJson from '../../src/data/agreements.json' with { type: 'json' };
import peopleJson from '../../src/data/people.json' with { type: 'json' };
import quotesJson from '../../src/data/quotes.json' with { type: 'json' };
import changelogJson from '../../src/data/changelog.json' with { type: 'json' };
import { DataError, loadData } from '../../src/data/load.js';
import { changesSince } from '../../src/data/records-check.js';
import type { Bilingual, LaterRecord } from '../../src/data/records-schema.js';
import promptsJson from '../../src/data/prompts.json' with { type: 'json' };
import recordsJson from '../../src/data/records.json' with { type: 'json' };
import reference from './reference/developments-2025-2026.json' with { type: 'json' };

// A copy of shared/reference/developments-2025-2026.json, so the suite does not depend on a
// folder outside the repository.
const data = loadData();
const entries = reference.entries as {
  url: string;
  sentence: string;
  note?: string;
  date: string;
}[];

function record(id: string): LaterRecord {
  const found = data.recordById.get(id);
  if (!found) throw new Error(`no record "${id}"`);
  return found;
}

/** The verbatim quotes of the sources a fact names. */
function quotesOf(r: LaterRecord, ids: readonly string[]): string {
  return r.sources
    .filter((s) => ids.includes(s.id))
    .map((s) => s.quote)
    .join('\n');
}

describe('later records against the reference', () => {
  test('GIVEN the records THEN the ones the brief asks for are all there, apart from the 31', () => {
    expect(data.records.map((r) => r.id).sort()).toEqual(
      [
        'at',
        'au',
        'bg',
        'coalition-of-the-willing',
        'gb-100-year-partnership',
        'me',
        'mk',
        'mnf-declaration-of-intent-2026',
        'paris-declaration-2026',
        'us-reconstruction-fund',
        'us-security-guarantees',
      ].sort(),
    );
    // Kept apart: "the 28" and the frameworks are unchanged in number.
    expect(data.agreements).toHaveLength(31);
  });

  test.each(data.records.flatMap((r) => r.sources.map((s) => [r.id, s.id, s] as const)))(
    'GIVEN %s source %s THEN its address and sentence are in the reference, verbatim',
    (_, __, source) => {
      const sameUrl = entries.filter((e) => e.url === source.url);
      expect(sameUrl.length).toBeGreaterThan(0);
      const asSentence = entries.find((e) => e.url === source.url && e.sentence === source.quote);
      // A sentence the reference gives only in a note (the opening of the Paris Declaration).
      const inNote = entries.some((e) => e.note?.includes(source.quote));
      expect(asSentence !== undefined || inNote).toBe(true);
      if (asSentence) expect(source.published).toBe(asSentence.date);
      if (source.note !== undefined) {
        expect(entries.some((e) => e.url === source.url && e.note === source.note)).toBe(true);
      }
    },
  );

  test.each([
    // id, date, place (en), status, evidence in the date's and place's sources
    ['gb-100-year-partnership', '2025-01-16', 'Kyiv', 'signed', 'Keir Starmer signed a 100-year'],
    ['us-reconstruction-fund', '2025-04-30', 'Washington', 'ratified', 'signing on April 30, 2025'],
    [
      'coalition-of-the-willing',
      '2025-03-02',
      'London (Lancaster House)',
      'framework',
      '18 country leaders',
    ],
    ['paris-declaration-2026', '2026-01-06', 'Paris', 'framework', 'legally binding guarantees'],
    [
      'mnf-declaration-of-intent-2026',
      '2026-01-06',
      'Paris',
      'signed',
      'have signed a declaration of intent',
    ],
    ['us-security-guarantees', null, null, 'drafted', null],
  ] as const)(
    'GIVEN %s THEN its date is %s, place %s, status %s',
    (id, date, place, status, evidence) => {
      const r = record(id);
      expect(r.date?.value ?? null).toBe(date);
      expect(r.place?.text.en ?? null).toBe(place);
      expect(r.status).toBe(status);
      if (evidence !== null) expect(quotesOf(r, r.date?.sources ?? [])).toContain(evidence);
    },
  );

  test('GIVEN the 100 Year Partnership THEN £3 billion a year to 2030/31, as Full Fact quotes it', () => {
    const [commitment] = record('gb-100-year-partnership').commitments;
    expect(commitment).toMatchObject({
      amount: 3e9,
      currency: 'GBP',
      period: 'annual, to 2030/31',
    });
    expect(quotesOf(record('gb-100-year-partnership'), commitment!.sources)).toContain(
      'no less than £3 billion a year until 2030/31',
    );
  });

  test.each([
    [
      'gb-100-year-partnership',
      ['Keir Starmer (Prime Minister of the United Kingdom)'],
      ['Volodymyr Zelenskyy (President of Ukraine)'],
      'Starmer',
    ],
    [
      'us-reconstruction-fund',
      ['Scott Bessent (US Treasury Secretary)'],
      ['Yulia Svyrydenko (Deputy Prime Minister of Ukraine)'],
      'Scott Bessent and Ukrainian Deputy Prime Minister Yulia Svyrydenko',
    ],
    [
      'mnf-declaration-of-intent-2026',
      ['France', 'United Kingdom'],
      ['Ukraine'],
      'Ukraine, France, and the United Kingdom have signed',
    ],
  ] as const)(
    'GIVEN %s THEN its signatories are those its source names',
    (id, partner, ukraine, evidence) => {
      const r = record(id);
      expect(r.signatories?.partner.map((n) => n.en)).toEqual(partner);
      expect(r.signatories?.ukraine.map((n) => n.en)).toEqual(ukraine);
      expect(quotesOf(r, r.signatories!.sources)).toContain(evidence);
    },
  );

  test('GIVEN the minerals deal THEN ratified on 8 May 2025 by 338 MPs, the law signed by 12 May', () => {
    const steps = record('us-reconstruction-fund').timeline;
    expect(steps.map((s) => [s.date, s.status])).toEqual([
      ['2025-04-30', 'signed'],
      ['2025-05-08', 'ratified'],
      ['2025-05-12', 'ratified'],
    ]);
    expect(quotesOf(record('us-reconstruction-fund'), steps[1]!.sources)).toContain('338 MPs');
  });

  test('GIVEN the coalition THEN its meetings are a dated timeline, London first', () => {
    expect(record('coalition-of-the-willing').timeline.map((s) => s.date)).toEqual([
      '2025-03-02',
      '2025-03-15',
      '2025-03-27',
      '2025-07',
      '2025-08-17',
      '2025-09-04',
    ]);
  });

  test('GIVEN the US guarantee document THEN not signed, with the dates said of it, to 22 April 2026', () => {
    const r = record('us-security-guarantees');
    expect(r.signatories).toBeNull();
    const ready = r.timeline.find((s) => s.status === 'drafted');
    expect(ready?.date).toBe('2026-01-25');
    expect(quotesOf(r, ready!.sources)).toContain('100% ready');
    expect(r.timeline.at(-1)?.date).toBe('2026-04-22');
  });

  test.each([
    ['us-reconstruction-fund', 0, ['30 April 2025', '1 May', 'macrosfera', 'Ukrainska Pravda']],
    ['us-reconstruction-fund', 1, ['Al Jazeera', 'Newsmax', 'does not include']],
    ['paris-declaration-2026', 0, ['whysofrance', 'IJR', 'president.gov.ua']],
    ['coalition-of-the-willing', 0, ['18', '26', '31', '35', 'Malta Today', 'AP']],
    ['us-security-guarantees', 0, ['25 January', '26 January', 'unitedvoice']],
  ] as const)('GIVEN the conflict %s #%d THEN it names both sides: %j', (id, index, words) => {
    const conflict = record(id).conflicts[index]!;
    for (const word of words) expect(conflict.text.en).toContain(word);
    // Each side's word comes from a stored note or sentence, never from memory.
    const stored = record(id)
      .sources.filter((s) => conflict.sources.includes(s.id))
      .map((s) => `${s.quote} ${s.note ?? ''} ${s.url} ${s.title}`)
      .join(' ');
    expect(stored.length).toBeGreaterThan(0);
  });

  test.each([
    ['me', 'ME', 'talks', '2025-05-16', 'cannot sign'],
    ['au', 'AU', 'talks', '2025-07-08', 'is negotiating a security agreement'],
    ['bg', 'BG', 'talks', '2025-11-07', 'telephone conversation'],
    ['mk', 'MK', 'none', '2025-06-12', 'North Macedonia'],
    ['at', 'AT', 'none', '2025-06-16', 'de-mining, energy, cybersecurity'],
  ] as const)(
    'GIVEN the no-agreement partner %s THEN country %s, status %s, a step on %s from its source',
    (id, country, status, date, evidence) => {
      const r = record(id);
      expect(r).toMatchObject({ kind: 'no-agreement', country, status, date: null });
      const step = r.timeline.find((s) => s.date === date)!;
      expect(step).toBeDefined();
      expect(quotesOf(r, step.sources)).toContain(evidence);
    },
  );

  test('GIVEN the data THEN it runs to the newest full date among its sources: 22 April 2026', () => {
    expect(data.dataRunsTo).toBe('2026-04-22');
    const used = new Set(data.records.flatMap((r) => r.sources.map((s) => s.url)));
    const newest = entries
      .filter((e) => used.has(e.url))
      .flatMap((e) => /^\d{4}-\d{2}-\d{2}/.exec(e.date)?.[0] ?? [])
      .sort()
      .at(-1);
    expect(data.dataRunsTo).toBe(newest);
  });
});

/** Every text a later record, the changelog or a later prompt holds in both languages. */
function bilingualTexts(): { where: string; en: string; uk: string }[] {
  const texts: { where: string; en: string; uk: string }[] = [];
  const add = (where: string, text: Bilingual) => texts.push({ where, en: text.en, uk: text.uk });
  for (const r of data.records) {
    add(`${r.id}.title`, r.title);
    if (r.place) add(`${r.id}.place`, r.place.text);
    r.commitments.forEach((c, i) => add(`${r.id}.commitments[${i}]`, c.text));
    r.timeline.forEach((s, i) => add(`${r.id}.timeline[${i}]`, s.text));
    r.conflicts.forEach((c, i) => add(`${r.id}.conflicts[${i}]`, c.text));
    r.notes.forEach((n, i) => add(`${r.id}.notes[${i}]`, n.text));
  }
  data.changelog.forEach((c, i) => add(`changelog[${i}]`, c.text));
  for (const p of promptsJson.filter((p) => 'recordIds' in p)) {
    texts.push({ where: `prompt ${p.id}`, en: p.question.en, uk: p.question.uk });
  }
  return texts;
}

describe('Ukrainian texts of the later records', () => {
  test('GIVEN the texts THEN there are many to check', () => {
    expect(bilingualTexts().length).toBeGreaterThan(50);
  });

  test.each(bilingualTexts().map((t) => [t.where, t] as const))(
    'GIVEN %s THEN every number, amount and year of the English is unchanged in the Ukrainian',
    (_, { en, uk }) => {
      const numbers = (text: string) => text.match(/\d+(?:[.,]\d+)*/g) ?? [];
      const ukNumbers = new Set(numbers(uk));
      for (const n of numbers(en)) expect(ukNumbers, `${n} in “${uk}”`).toContain(n);
      expect(uk).toMatch(/\p{Script=Cyrillic}/u);
    },
  );

  test('GIVEN the records THEN every Ukrainian text without a stored original is marked a translation', () => {
    for (const r of data.records) {
      for (const t of [r.title, ...r.timeline.map((s) => s.text), ...r.notes.map((n) => n.text)]) {
        expect(t.ukIsTranslation, `${r.id}: ${t.uk}`).toBe(true);
      }
    }
  });
});

describe('validation of the later records and the changelog at load', () => {
  const records = structuredClone(recordsJson) as unknown as LaterRecord[];
  const withRecords = (change: (r: LaterRecord[]) => void) => {
    const copy = structuredClone(records);
    change(copy);
    return copy;
  };
  const fails = (raw: { records?: unknown; changelog?: unknown }, message: string) => {
    try {
      loadData({ ...defaults(), ...raw });
      throw new Error('expected a DataError');
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).problems.join('\n')).toContain(message);
    }
  };

  test('GIVEN the bundled files THEN they load', () => {
    expect(() => loadData({ ...defaults(), records, changelog: changelogJson })).not.toThrow();
  });

  test.each([
    [
      'a fact naming a source the record lacks',
      withRecords((r) => {
        r[0]!.date!.sources = ['nowhere'];
      }),
      'no source "nowhere"',
    ],
    [
      'a source that backs no fact',
      withRecords((r) => {
        r[0]!.sources.push({ ...r[0]!.sources[0]!, id: 'spare' });
      }),
      'source "spare" backs no fact',
    ],
    [
      'a no-agreement partner that has an agreement',
      withRecords((r) => {
        r.find((x) => x.id === 'me')!.country = 'DE';
      }),
      'DE has an agreement',
    ],
    [
      'a signed record without a date',
      withRecords((r) => {
        r[0]!.date = null;
      }),
      'needs its date',
    ],
    [
      'a name another agreement has',
      withRecords((r) => {
        r[0]!.aliases.push('Germany');
      }),
      'is also an agreement',
    ],
    [
      'a step with no source',
      withRecords((r) => {
        r[0]!.timeline[0]!.sources = [];
      }),
      'records[0].timeline[0].sources',
    ],
  ])('GIVEN %s THEN loadData refuses it, naming the path', (_, broken, message) => {
    fails({ records: broken }, message);
  });

  const changelog = structuredClone(changelogJson);
  test.each([
    [
      'a change naming no record',
      [{ ...changelog[0]!, recordIds: ['atlantis'] }],
      'no record "atlantis"',
    ],
    [
      'a source the named record does not cite',
      [{ ...changelog[0]!, sources: ['https://example.org/made-up'] }],
      'is not cited by what it names',
    ],
    [
      'changes out of date order',
      [{ ...changelog[0]!, date: '2026-12-02' }, changelog[1]!],
      'date order',
    ],
  ])('GIVEN a changelog with %s THEN loadData refuses it', (_, broken, message) => {
    fails({ changelog: broken }, message);
  });
});

describe('changesSince', () => {
  // The cut is checked against positions in the file (which load holds in date order), not
  // against a second date comparison, on each day the bundled changelog has and around them.
  const days = [...new Set(data.changelog.map((c) => c.date))];
  const afterDay = (day: string) =>
    data.changelog.slice(data.changelog.map((c) => c.date).lastIndexOf(day) + 1);

  test('GIVEN the bundled changelog THEN it spans more than one day, so a cut in the middle is tested', () => {
    expect(days.length).toBeGreaterThan(1);
  });

  test.each(days)(
    'GIVEN the bundled changelog WHEN asked for changes after %s THEN the ones after that day’s last, oldest first',
    (day) => {
      const after = changesSince(data.changelog, day);
      expect(after).toEqual(afterDay(day));
      for (const c of after) expect(c.date > day).toBe(true);
    },
  );

  test('GIVEN a day before the first change or on the last THEN all of them or none', () => {
    expect(changesSince(data.changelog, '2025-01-01')).toEqual(data.changelog);
    expect(changesSince(data.changelog, days.at(-1)!)).toEqual([]);
  });

  test('GIVEN changes on several days THEN only the later ones, oldest first', () => {
    const base = data.changelog[0]!;
    const log = [
      { ...base, date: '2026-01-01' },
      { ...base, date: '2026-02-01' },
      { ...base, date: '2026-03-01' },
    ];
    expect(changesSince(log, '2026-01-15').map((c) => c.date)).toEqual([
      '2026-02-01',
      '2026-03-01',
    ]);
  });
});

/** The bundled agreements, people and quotes, beside the records or changelog under test. */
function defaults() {
  return { agreements: agreementsJson, people: peopleJson, quotes: quotesJson };
}
