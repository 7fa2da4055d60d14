import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { ARTICLE_SOURCE } from '../../src/data/schema.js';
import referenceAgreements from './reference/agreements-facts.json' with { type: 'json' };
import referenceQuotes from './reference/quotes.json' with { type: 'json' };
import developments from './reference/developments-2025-2026.json' with { type: 'json' };

// A copy of shared/reference, so the suite does not depend on a folder outside the repository.
const seedArticle = readFileSync(new URL('./reference/seed-article.txt', import.meta.url), 'utf8');
const REFERENCE_ARTICLE = 'seed article';

const data = loadData();

function agreementFor(id: string) {
  const agreement = data.agreementById.get(id);
  if (!agreement) throw new Error(`no agreement "${id}" in the data`);
  return agreement;
}

const asStored = (source: string) => (source === REFERENCE_ARTICLE ? ARTICLE_SOURCE : source);

type Reference = (typeof referenceAgreements)[number];

/**
 * What developments-2025-2026.json corrects in the first reference, by the entry's field: the
 * values the data must hold instead. Everything else in the first reference still stands.
 */
const CORRECTIONS: Readonly<
  Record<string, { consultations24h?: boolean | null; unconfirmed?: readonly string[] }>
> = {
  // "Canada's 24-hour clause is stated by one source": true, with that source.
  ca: { consultations24h: true },
  // Albania's date is now stated by two sentences: no longer unconfirmed.
  al: { unconfirmed: [] },
};

function expectedFor(reference: Reference) {
  const correction = CORRECTIONS[reference.id] ?? {};
  return {
    consultations24h: correction.consultations24h ?? reference.consultations24h,
    unconfirmed: correction.unconfirmed ?? reference.unconfirmed,
  };
}

/**
 * The developments entries about the existing records, each stored as a source of its record with
 * its sentence verbatim. The others are new records (the data engineer's), background ("context"),
 * or figures that are not part of any agreement's text (de and eu budgets after the signing).
 */
const ADOPTED: readonly (readonly [entry: number, ids: readonly string[]])[] = [
  [0, ['al']],
  [1, ['al']],
  [2, ['al']],
  [3, ['al']],
  [4, ['dk']],
  [5, ['ca']],
  [6, ['lu']],
  [7, ['lv']],
  [8, ['eu']],
  [9, ['ro']],
  [10, ['gb', 'fr', 'de']],
  [11, ['gb']],
  [12, ['us']],
  [13, ['it']],
  [14, ['es']],
  [15, ['lu']],
  [16, ['cz']],
  [17, ['ukraine-compact']],
  [18, ['g7-declaration']],
];

describe('agreements against the reference', () => {
  test('GIVEN the reference WHEN the data is loaded THEN it holds the same 31 ids', () => {
    const referenceIds = referenceAgreements.map((a) => a.id).sort();
    expect(referenceIds).toHaveLength(31);
    expect(data.agreements.map((a) => a.id).sort()).toEqual(referenceIds);
  });

  test.each(referenceAgreements.map((reference) => [reference.id, reference] as const))(
    'GIVEN reference %s THEN date, place, signatories, duration, 24h clause, title and kind match',
    (id, reference) => {
      const agreement = agreementFor(id);
      expect({
        signed: agreement.signed,
        place: agreement.place?.en ?? null,
        signatories: {
          partner: agreement.signatories.partner.map((name) => name.en),
          ukraine: agreement.signatories.ukraine.map((name) => name.en),
        },
        durationYears: agreement.durationYears,
        consultations24h: agreement.consultations24h,
        title: agreement.title,
        kind: agreement.kind,
        partner: agreement.partner.name.en,
        iso2: agreement.partner.iso2,
        inDw21: agreement.inDw21,
        inUkraineMoDList2025: agreement.inUkraineMoDList2025,
      }).toEqual({
        signed: reference.signed,
        place: reference.place,
        signatories: reference.signatories,
        durationYears: reference.durationYears,
        consultations24h: expectedFor(reference).consultations24h,
        title: reference.title,
        kind: reference.kind,
        partner: reference.partner,
        iso2: reference.iso2,
        inDw21: reference.inDw21,
        inUkraineMoDList2025: reference.inUkraineMoDList2025,
      });
    },
  );

  test.each(referenceAgreements.map((reference) => [reference.id, reference] as const))(
    'GIVEN reference %s THEN every commitment has the same text, amount, currency and year',
    (id, reference) => {
      const commitments = agreementFor(id).commitments.map((c) => ({
        // A text rewritten for readers keeps the curator's original beside it, never shown.
        text: c.curator?.text ?? c.text,
        amount: c.amount,
        currency: c.currency,
        year: c.year,
      }));
      const expected = reference.commitments.map((c) => ({
        text: c.text,
        amount: 'amount' in c ? c.amount : null,
        currency: 'currency' in c ? c.currency : null,
        year: 'year' in c ? c.year : null,
      }));
      expect(commitments).toEqual(expected);
    },
  );

  test.each(referenceAgreements.map((reference) => [reference.id, reference] as const))(
    'GIVEN reference %s THEN every reference source is kept and nothing it left open is settled',
    (id, reference) => {
      const agreement = agreementFor(id);
      const stored = agreement.sources.map((s) => ({ url: s.url, quote: s.quote }));
      for (const source of reference.sources) {
        expect(stored).toContainEqual({ url: asStored(source.url), quote: source.quote });
      }
    },
  );

  test.each(referenceAgreements.map((reference) => [reference.id, reference] as const))(
    'GIVEN reference %s THEN exactly the facts it leaves open are flagged unconfirmed',
    (id, reference) => {
      const sorted = (facts: readonly string[]) => [...facts].sort();
      expect(sorted(agreementFor(id).unconfirmed)).toEqual(
        sorted(expectedFor(reference).unconfirmed),
      );
    },
  );

  test.each(referenceAgreements.map((reference) => [reference.id, reference] as const))(
    'GIVEN reference %s THEN each of its notes is kept, shown as written or by the curator',
    (id, reference) => {
      const agreement = agreementFor(id);
      // A note rewritten for readers keeps its original beside it, never shown; nothing else is there.
      for (const note of reference.notes) {
        expect([...agreement.notes, ...agreement.curator.notes], id).toContain(note);
      }
      for (const note of agreement.curator.notes) expect(reference.notes).toContain(note);
    },
  );

  test('GIVEN the statuses THEN 28 are official (the MoD list), two framework and Croatia disputed', () => {
    const byStatus = (status: string) =>
      data.agreements
        .filter((a) => a.status === status)
        .map((a) => a.id)
        .sort();
    const official = byStatus('official');
    expect(official).toHaveLength(28);
    expect(official).toEqual(
      data.agreements
        .filter((a) => a.inUkraineMoDList2025)
        .map((a) => a.id)
        .sort(),
    );
    expect(official.filter((id) => agreementFor(id).kind === 'bilateral')).toHaveLength(27);
    expect(official).toContain('eu');
    expect(byStatus('framework')).toEqual(['g7-declaration', 'ukraine-compact']);
    expect(byStatus('disputed')).toEqual(['hr']);
    expect(agreementFor('hr').notes.join(' ')).toMatch(/disputed/i);
  });
});

describe('corrections from developments-2025-2026', () => {
  const { entries } = developments;

  test.each(ADOPTED.flatMap(([entry, ids]) => ids.map((id) => [entry, id] as const)))(
    'GIVEN developments entry %i THEN %s holds its sentence verbatim from its page',
    (entry, id) => {
      const development = entries[entry];
      expect(development?.field_or_new_record).toContain(id);
      expect(agreementFor(id).sources.map((s) => ({ url: s.url, quote: s.quote }))).toContainEqual({
        url: development?.url,
        quote: development?.sentence,
      });
    },
  );

  test.each([
    ['al', ['signed', 'place', 'signatories.partner', 'signatories.ukraine']],
    ['dk', ['signed', 'place']],
    ['ca', ['consultations24h']],
  ] as const)('GIVEN %s THEN a development sentence now backs %j', (id, facts) => {
    const agreement = agreementFor(id);
    const backedByDevelopments = agreement.sources
      .filter((s) => entries.some((e) => e.url === s.url && e.sentence === s.quote))
      .flatMap((s) => s.supports);
    for (const fact of facts) expect(backedByDevelopments).toContain(fact);
    for (const fact of facts) expect(agreement.unconfirmed).not.toContain(fact);
  });

  // A correction members cannot see in /changes is a correction nobody hears of.
  test.each(ADOPTED.flatMap(([entry, ids]) => ids.map((id) => [entry, id] as const)))(
    'GIVEN developments entry %i adopted into %s THEN a dated correction in the changelog names it and cites its page',
    (entry, id) => {
      const url = entries[entry]!.url;
      const corrections = data.changelog.filter(
        (c) => c.kind === 'corrected' && c.agreementIds.includes(id) && c.sources.includes(url),
      );
      expect(corrections.length, `${id} ← ${url}`).toBeGreaterThan(0);
      // Made when the data was corrected (the commit that adopted entries 0–18), not invented later.
      for (const c of corrections) expect(c.date).toBe('2026-12-01');
    },
  );

  test("GIVEN Luxembourg's 24-hour clause rests on one blog post THEN it stays unknown and a note says why", () => {
    const lu = agreementFor('lu');
    expect(lu.consultations24h).toBeNull();
    const blog = entries[6]!;
    expect(lu.sources.find((s) => s.url === blog.url)?.supports).toEqual([]);
    expect(lu.notes.join(' ')).toMatch(/24 hours.*blog|blog.*24 hours/);
  });

  test('GIVEN a draft or a photo caption THEN it backs no fact of the signed text', () => {
    for (const [id, entry] of [
      ['it', 13],
      ['g7-declaration', 18],
    ] as const) {
      const source = agreementFor(id).sources.find((s) => s.quote === entries[entry]!.sentence);
      expect(source?.supports, id).toEqual([]);
    }
    expect(
      agreementFor('g7-declaration')
        .signatories.partner.map((name) => name.en)
        .join(' '),
    ).not.toMatch(/Biden|Sunak/);
  });
});

describe('sourcing', () => {
  test.each(data.agreements.map((a) => [a.id, a] as const))(
    'GIVEN %s WHEN it has a textUrl THEN one of its own sources is that page and supports it',
    (_id, agreement) => {
      const hosting = agreement.sources.filter((s) => s.supports.includes('textUrl'));
      if (agreement.textUrl === null) {
        expect(hosting).toEqual([]);
      } else {
        expect(hosting.map((s) => s.url)).toContain(agreement.textUrl);
        expect(hosting.every((s) => s.url === agreement.textUrl)).toBe(true);
      }
    },
  );

  test('GIVEN every source quoting the seed article THEN its quote is in the article word for word', () => {
    const articleQuotes = data.agreements.flatMap((a) =>
      a.sources.filter((s) => s.url === ARTICLE_SOURCE).map((s) => s.quote),
    );
    expect(articleQuotes.length).toBeGreaterThan(0);
    for (const quote of articleQuotes) expect(seedArticle).toContain(quote);
  });

  test('GIVEN an unconfirmed fact that a source backs THEN it is a commitment backed only in part', () => {
    for (const agreement of data.agreements) {
      const supported = new Set(agreement.sources.flatMap((s) => s.supports));
      // A fact in `unconfirmed` may still be partly backed (a commitment whose amount no quote states).
      for (const fact of agreement.unconfirmed) {
        if (supported.has(fact)) expect(fact, agreement.id).toMatch(/^commitments\.\d+$/);
      }
    }
  });
});

describe('quotes against the reference', () => {
  test('GIVEN the reference quotes THEN the data holds as many', () => {
    expect(data.quotes).toHaveLength(referenceQuotes.length);
  });

  test.each(referenceQuotes.map((reference) => [reference.speaker, reference] as const))(
    'GIVEN a reference quote by %s THEN it is stored verbatim with its speaker and details',
    (_speaker, reference) => {
      const quote = data.quotes.find((q) => q.text === reference.text);
      expect(quote, reference.text).toBeDefined();
      if (!quote) return;
      const speaker = data.personById.get(quote.speakerId);
      expect(speaker).toBeDefined();
      if (!speaker) return;
      // People are matched by name; quoted documents carry the reference's speaker label as their role.
      if (speaker.kind === 'person') expect(speaker.name.en).toBe(reference.speaker);
      expect({ role: speaker.role.en, organisation: speaker.organisation.en }).toEqual({
        role: reference.role,
        organisation: reference.organisation,
      });
      expect({
        date: quote.date,
        // A context rewritten for readers keeps the curator's original beside it, never shown.
        context: quote.curator?.context ?? quote.context,
        source: quote.source,
        verbatim: quote.verbatim,
        note: quote.note,
      }).toEqual({
        date: reference.date,
        context: reference.context,
        source: asStored(reference.source),
        verbatim: reference.verbatim,
        note: 'note' in reference ? reference.note : null,
      });
      if (quote.source === ARTICLE_SOURCE) expect(seedArticle).toContain(quote.text);
    },
  );

  test('GIVEN the two quoted documents THEN each is the only speaker with its role', () => {
    const documents = data.people.filter((p) => p.kind === 'document');
    expect(documents.map((d) => d.id).sort()).toEqual(['g7-declaration-text', 'uk-agreement-text']);
    for (const document of documents) {
      const speakers = new Set(
        referenceQuotes.filter((q) => q.role === document.role.en).map((q) => q.speaker),
      );
      expect(speakers.size).toBe(1);
    }
  });
});
