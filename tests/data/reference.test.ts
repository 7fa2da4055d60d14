import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { ARTICLE_SOURCE } from '../../src/data/schema.js';
import referenceAgreements from './reference/agreements-facts.json' with { type: 'json' };
import referenceQuotes from './reference/quotes.json' with { type: 'json' };

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
        place: agreement.place,
        signatories: agreement.signatories,
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
        consultations24h: reference.consultations24h,
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
        text: c.text,
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
      expect(agreement.unconfirmed).toEqual(expect.arrayContaining(reference.unconfirmed));
      expect(agreement.notes).toEqual(reference.notes);
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
      expect({ role: speaker.role, organisation: speaker.organisation }).toEqual({
        role: reference.role,
        organisation: reference.organisation,
      });
      expect({
        date: quote.date,
        context: quote.context,
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
        referenceQuotes.filter((q) => q.role === document.role).map((q) => q.speaker),
      );
      expect(speakers.size).toBe(1);
    }
  });
});
