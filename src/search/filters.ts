import type { LaterRecord } from '../data/records-schema.js';
import type { Agreement } from '../data/schema.js';
import type { Strings } from '../i18n/index.js';

/**
 * The /agreements filters members ask for. Counts are computed from the data every time: a
 * sentence like "13 of 31 state a 24-hour clause" must change when the data does.
 */

/** stated: the clause is in our sources; not-stated: they say nothing; none: the text sets no deadline. */
export const CLAUSE_FILTERS = ['stated', 'not-stated', 'none'] as const;
export type ClauseFilter = (typeof CLAUSE_FILTERS)[number];

const CLAUSE_VALUE: Readonly<Record<ClauseFilter, boolean | null>> = {
  stated: true,
  'not-stated': null,
  none: false,
};

/**
 * The kinds of document a list can keep. Add a kind here (with its sentence in
 * `strings.filters.kind` and its choice in /agreements) and the option, the button and the
 * counts follow.
 */
export const KIND_FILTERS = [
  { value: 'official', keep: (a: Agreement) => a.status === 'official' },
  { value: 'framework', keep: (a: Agreement) => a.status === 'framework' },
  { value: 'disputed', keep: (a: Agreement) => a.status === 'disputed' },
] as const satisfies readonly { value: string; keep: (a: Agreement) => boolean }[];
export type AgreementKindFilter = (typeof KIND_FILTERS)[number]['value'];

/**
 * Kinds that list the later records instead of the 31 (records.json): the documents after the 28
 * and the 2023–24 frameworks, and the partners with talks or other agreements but nothing signed.
 */
export const RECORD_KIND_FILTERS = [
  { value: 'later', keep: (r: LaterRecord) => r.kind !== 'no-agreement' },
  { value: 'no-agreement', keep: (r: LaterRecord) => r.kind === 'no-agreement' },
] as const satisfies readonly { value: string; keep: (r: LaterRecord) => boolean }[];
export type RecordKindFilter = (typeof RECORD_KIND_FILTERS)[number]['value'];

export type KindFilter = AgreementKindFilter | RecordKindFilter;

export interface ListFilters {
  clause?: ClauseFilter | undefined;
  year?: number | undefined;
  kind?: KindFilter | undefined;
}

export function isClauseFilter(value: unknown): value is ClauseFilter {
  return CLAUSE_FILTERS.includes(value as ClauseFilter);
}

export function isKindFilter(value: unknown): value is KindFilter {
  return [...KIND_FILTERS, ...RECORD_KIND_FILTERS].some((kind) => kind.value === value);
}

/** Whether the filters list the later records (kind:later, kind:no-agreement) rather than the 31. */
export function isRecordKind(kind: KindFilter | undefined): kind is RecordKindFilter {
  return RECORD_KIND_FILTERS.some((k) => k.value === kind);
}

/** A year as a filter: a whole number a document could be signed in, or none. */
export function readYear(value: unknown): number | undefined {
  const year = typeof value === 'string' ? Number(value) : value;
  return typeof year === 'number' && Number.isInteger(year) && year >= 1991 && year <= 2100
    ? year
    : undefined;
}

export function hasFilters(filters: ListFilters): boolean {
  return filters.clause !== undefined || filters.year !== undefined || filters.kind !== undefined;
}

function keepsClause(clause: ClauseFilter) {
  return (a: Agreement) => a.consultations24h === CLAUSE_VALUE[clause];
}

function keepsYear(year: number) {
  return (a: Agreement) => a.signed.startsWith(`${year}-`);
}

function keepsKind(kind: KindFilter) {
  return KIND_FILTERS.find((k) => k.value === kind)?.keep ?? (() => false);
}

function keepsRecordKind(kind: RecordKindFilter) {
  return RECORD_KIND_FILTERS.find((k) => k.value === kind)?.keep ?? (() => false);
}

/**
 * A later record's year: the year of its date or of any dated step, since most have no single
 * signing date (talks, a draft, a coalition that met for months).
 */
function keepsRecordYear(year: number) {
  return (r: LaterRecord) =>
    r.date?.value.startsWith(`${year}-`) === true ||
    r.timeline.some((step) => step.date.startsWith(`${year}-`));
}

export function applyFilters(agreements: readonly Agreement[], filters: ListFilters): Agreement[] {
  if (isRecordKind(filters.kind)) return [];
  return agreements.filter(
    (a) =>
      (filters.clause === undefined || keepsClause(filters.clause)(a)) &&
      (filters.year === undefined || keepsYear(filters.year)(a)) &&
      (filters.kind === undefined || keepsKind(filters.kind)(a)),
  );
}

/**
 * The later records the filters keep (kind:later or kind:no-agreement). The 24-hour clause is
 * recorded for the 31 only, so a clause filter keeps none of them: the counts say why.
 */
export function applyRecordFilters(
  records: readonly LaterRecord[],
  filters: ListFilters,
): LaterRecord[] {
  const { kind } = filters;
  if (!isRecordKind(kind) || filters.clause !== undefined) return [];
  return records.filter(
    (r) =>
      keepsRecordKind(kind)(r) && (filters.year === undefined || keepsRecordYear(filters.year)(r)),
  );
}

/** The counts above a list of later records: the kind's own sentence, then the year's, the clause's. */
export function recordFilterCounts(
  records: readonly LaterRecord[],
  agreementCount: number,
  filters: ListFilters,
  strings: Strings,
): string[] {
  const { kind } = filters;
  if (!isRecordKind(kind)) return [];
  const f = strings.filters;
  const ofKind = records.filter(keepsRecordKind(kind));
  const lines =
    kind === 'later'
      ? [f.kind.later(ofKind.length, agreementCount)]
      : [f.kind['no-agreement'](ofKind.length, ofKind.filter((r) => r.status === 'talks').length)];
  if (filters.year !== undefined) {
    const inYear = ofKind.filter(keepsRecordYear(filters.year)).length;
    lines.push(f.recordYear(inYear, ofKind.length, filters.year));
  }
  if (filters.clause !== undefined) lines.push(f.clauseOnlyAgreements(agreementCount));
  return lines;
}

/** One sentence per filter set, each counted over every document. */
export function filterCounts(
  agreements: readonly Agreement[],
  filters: ListFilters,
  strings: Strings,
): string[] {
  const f = strings.filters;
  const total = agreements.length;
  const count = (keep: (a: Agreement) => boolean) => agreements.filter(keep).length;
  const lines: string[] = [];
  if (filters.clause !== undefined) {
    const stated = count(keepsClause('stated'));
    const unknown = count(keepsClause('not-stated'));
    const n = count(keepsClause(filters.clause));
    lines.push(
      filters.clause === 'stated'
        ? f.clause.stated(n, total, unknown)
        : filters.clause === 'not-stated'
          ? f.clause['not-stated'](n, total, stated)
          : f.clause.none(n, total),
    );
  }
  if (filters.year !== undefined) {
    lines.push(f.year(count(keepsYear(filters.year)), total, filters.year));
  }
  if (filters.kind !== undefined && !isRecordKind(filters.kind)) {
    lines.push(f.kind[filters.kind](count(keepsKind(filters.kind)), total));
  }
  return lines;
}

/** The filters as the tail of a page button's custom_id: `<clause>:<year>:<kind>`, `-` for none. */
export function filtersToId(filters: ListFilters): string {
  return [filters.clause ?? '-', filters.year ?? '-', filters.kind ?? '-'].join(':');
}

/** Reads what filtersToId wrote; anything else is no filter. */
export function filtersFromId(parts: readonly (string | undefined)[]): ListFilters {
  const [clause, year, kind] = parts;
  return {
    clause: isClauseFilter(clause) ? clause : undefined,
    year: readYear(year),
    kind: isKindFilter(kind) ? kind : undefined,
  };
}
