import { describe, expect, test } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import {
  applyFilters,
  applyRecordFilters,
  filterCounts,
  filtersFromId,
  filtersToId,
  KIND_FILTERS,
  RECORD_KIND_FILTERS,
  recordFilterCounts,
} from '../../src/search/filters.js';
import { stringsFor } from '../../src/i18n/index.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testContext, testData } from '../helpers/context.js';
import type { Agreement } from '../../src/data/schema.js';

const data = testData();
const agreements = findCommand('agreements')!;
const en = stringsFor('en-US');

function shownPartners(description: string | undefined): number {
  return (description ?? '').split('\n').filter((line) => /^(✅|🧭|⚠️) \*\*/.test(line)).length;
}

describe('GIVEN the /agreements filters', () => {
  test('WHEN clause:stated THEN the counts come from the data, and only those are listed', async () => {
    const stated = data.agreements.filter((a) => a.consultations24h === true).length;
    const unknown = data.agreements.filter((a) => a.consultations24h === null).length;
    const body = await agreements.respond(input({ clause: 'stated' }), testContext());
    expectWithinDiscordLimits(body);
    const embed = body.embeds![0]!;
    expect(embed.description).toContain(
      `${stated} of ${data.agreements.length} state a 24-hour clause; for ${unknown} our sources say nothing.`,
    );
    expect(embed.title).toContain(`${stated} of ${data.agreements.length}`);
    expect(shownPartners(embed.description)).toBe(Math.min(10, stated));
  });

  test('WHEN the data changes THEN so do the counts (nothing is hard-coded)', () => {
    const changed = data.agreements.map((a): Agreement =>
      a.id === 'de' ? { ...a, consultations24h: null } : a,
    );
    const before = filterCounts(data.agreements, { clause: 'stated' }, en)[0];
    const after = filterCounts(changed, { clause: 'stated' }, en)[0];
    expect(after).not.toBe(before);
    expect(applyFilters(changed, { clause: 'stated' }).length).toBe(
      applyFilters(data.agreements, { clause: 'stated' }).length - 1,
    );
  });

  test.each([
    [{ clause: 'not-stated' as const }, (a: Agreement) => a.consultations24h === null],
    [{ clause: 'none' as const }, (a: Agreement) => a.consultations24h === false],
    [{ year: 2025 }, (a: Agreement) => a.signed.startsWith('2025')],
    [{ kind: 'official' as const }, (a: Agreement) => a.status === 'official'],
    [{ kind: 'framework' as const }, (a: Agreement) => a.status === 'framework'],
    [
      { year: 2024, kind: 'official' as const, clause: 'stated' as const },
      (a: Agreement) =>
        a.signed.startsWith('2024') && a.status === 'official' && a.consultations24h === true,
    ],
  ])('WHEN filtered by %j THEN exactly the documents that fit', (filters, keep) => {
    expect(applyFilters(data.agreements, filters).map((a) => a.id)).toEqual(
      data.agreements.filter(keep).map((a) => a.id),
    );
  });

  test('WHEN a filtered list has a second page THEN its buttons carry the filters, and the button answers the same list', async () => {
    const body = await agreements.respond(
      input({ kind: 'official', order: 'name' }),
      testContext(),
    );
    const ids = body.components![0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual([
      'agreements:page:name:-1:-:-:official',
      'agreements:page:name:1:-:-:official',
    ]);
    const [, ...args] = ids[1]!.split(':');
    const page = await agreements.button!({ ...input(), args }, testContext());
    expect(page.embeds![0]!.title).toBe(body.embeds![0]!.title);
    expect(page.embeds![0]!.footer?.text).toBe('Page 2 of 3');
  });

  test('WHEN an old button without filters is clicked THEN the whole list, as before', async () => {
    const page = await agreements.button!(
      { ...input(), args: ['page', 'date', '1'] },
      testContext(),
    );
    expect(page.embeds![0]!.title).toContain(`(${data.agreements.length})`);
  });

  test('WHEN no document fits THEN an ephemeral answer with the counts and a hint', async () => {
    const body = await agreements.respond(input({ year: 2023, kind: 'disputed' }), testContext());
    expect(body.flags).toBe(64);
    expect(body.content).toContain('No document matches all of these filters.');
    expect(body.content).toContain('1 of 31 was signed in 2023.');
  });

  test('THEN every kind has its sentence in both languages, and ids round-trip', () => {
    for (const { value } of KIND_FILTERS) {
      expect(stringsFor('uk').filters.kind[value](1, 2)).toMatch(/\p{Script=Cyrillic}/u);
      expect(
        filtersFromId(filtersToId({ kind: value, year: 2024, clause: 'none' }).split(':')),
      ).toEqual({ kind: value, year: 2024, clause: 'none' });
    }
    expect(filtersFromId(['x', 'NaN', 'nope'])).toEqual({
      clause: undefined,
      year: undefined,
      kind: undefined,
    });
  });
});

describe('GIVEN the /agreements kinds for the later records (issue 12)', () => {
  const later = data.records.filter((r) => r.kind !== 'no-agreement');
  const none = data.records.filter((r) => r.kind === 'no-agreement');
  /** The bold names of a list's lines, in order. */
  const shownNames = (description: string | undefined) =>
    [...(description ?? '').matchAll(/^\S+ \*\*(.+?)\*\*:/gmu)].map((m) => m[1]);

  test('WHEN kind:later THEN exactly the later documents, counted from the data, none of the 31', async () => {
    const body = await agreements.respond(input({ kind: 'later' }), testContext());
    expectWithinDiscordLimits(body);
    const embed = body.embeds![0]!;
    expect(embed.description).toContain(
      `${later.length} later documents (since 2025), kept apart from the ${data.agreements.length}`,
    );
    expect(embed.title).toContain(`${later.length} of ${data.records.length}`);
    const names = shownNames(embed.description);
    expect(names).toHaveLength(later.length);
    for (const r of later) expect(names.join('|')).toContain(r.shortName.en);
    expect(embed.description).not.toContain('Germany');
  });

  test('WHEN kind:no-agreement THEN the partners with talks or nothing signed, each with its status', async () => {
    const body = await agreements.respond(
      input({ kind: 'no-agreement', order: 'name' }),
      testContext(),
    );
    const embed = body.embeds![0]!;
    const talks = none.filter((r) => r.status === 'talks').length;
    expect(embed.description).toContain(
      `${none.length} partners have no security agreement with Ukraine: ${talks} in talks, ${none.length - talks} with other agreements at most.`,
    );
    const names = shownNames(embed.description);
    expect(names).toEqual(
      none
        .map((r) => `${r.flag} ${r.shortName.en}`)
        .sort((a, b) => a.slice(5).localeCompare(b.slice(5))),
    );
    expect(embed.description).toContain('Montenegro**: Talks, no agreement signed');
    expect(embed.description).toContain('Austria**: No security agreement');
  });

  test('WHEN a record changes status THEN so do the counts (nothing is hard-coded)', () => {
    const changed = data.records.map((r) =>
      r.id === 'me' ? { ...r, status: 'none' as const } : r,
    );
    const filters = { kind: 'no-agreement' as const };
    const before = recordFilterCounts(data.records, 31, filters, en)[0];
    const after = recordFilterCounts(changed, 31, filters, en)[0];
    expect(before).not.toBe(after);
    expect(after).toContain(`${none.filter((r) => r.status === 'talks').length - 1} in talks`);
  });

  test.each([2025, 2026])(
    'WHEN kind:later year:%i THEN the records with a date or step that year',
    (year) => {
      const kept = applyRecordFilters(data.records, { kind: 'later', year });
      expect(kept.map((r) => r.id).sort()).toEqual(
        later
          .filter(
            (r) =>
              r.date?.value.startsWith(`${year}`) ||
              r.timeline.some((s) => s.date.startsWith(`${year}`)),
          )
          .map((r) => r.id)
          .sort(),
      );
      expect(kept.length).toBeGreaterThan(0);
    },
  );

  test('WHEN kind:later with a clause filter THEN an ephemeral answer saying the clause is for the 31 only', async () => {
    const body = await agreements.respond(
      input({ kind: 'later', clause: 'stated' }),
      testContext(),
    );
    expect(body.flags).toBe(64);
    expect(body.content).toContain('The 24-hour clause is recorded for the 31 agreements only.');
  });

  test('WHEN the record list is paged THEN its buttons carry the kind and answer the same list', async () => {
    const body = await agreements.respond(input({ kind: 'later' }), testContext());
    const ids = body.components![0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual(['agreements:page:date:-1:-:-:later', 'agreements:page:date:1:-:-:later']);
    const [, ...args] = ids[0]!.split(':');
    const again = await agreements.button!({ ...input(), args }, testContext());
    expect(again.embeds![0]!.description).toBe(body.embeds![0]!.description);
  });

  test('WHEN the whole list is shown THEN it says what the kind option adds', async () => {
    const body = await agreements.respond(input(), testContext());
    expect(body.embeds![0]!.description).toContain(
      `Not in this list: ${later.length} later documents (since 2025) and ${none.length} partners with no agreement`,
    );
    expect(body.embeds![0]!.title).toContain(`(${data.agreements.length})`);
  });

  test('WHEN asked in Ukrainian THEN the counts, statuses and names are Ukrainian', async () => {
    const body = await agreements.respond(
      input({ kind: 'no-agreement' }, { locale: 'uk' }),
      testContext(),
    );
    const description = body.embeds![0]!.description!;
    expect(description).toContain(`${none.length} партнерів не мають безпекової угоди з Україною`);
    expect(description).toContain('Чорногорія**: Переговори, угоду не підписано');
    expect(description).not.toContain('Montenegro');
  });

  test('THEN each record kind has its sentence in both languages, and ids round-trip', () => {
    for (const { value } of RECORD_KIND_FILTERS) {
      expect(stringsFor('uk').filters.kind[value](1, 2)).toMatch(/\p{Script=Cyrillic}/u);
      expect(filtersFromId(filtersToId({ kind: value, year: 2025 }).split(':'))).toEqual({
        kind: value,
        year: 2025,
        clause: undefined,
      });
    }
    const choices = agreements.data.options?.find((o) => o.name === 'kind');
    expect(choices && 'choices' in choices ? choices.choices?.map((c) => c.value) : []).toEqual(
      [...KIND_FILTERS, ...RECORD_KIND_FILTERS].map((k) => k.value),
    );
  });
});
