import { lookupForm } from '../lookup/normalize.js';
import type { Agreement } from './schema.js';
import type { Change, LaterRecord } from './records-schema.js';

/** A status that says a document exists, and so needs the date it was signed or founded. */
const DATED_STATUSES = new Set(['signed', 'ratified', 'framework']);

/** Every source id a record's facts name, with the path of the fact that names it. */
function namedSources(record: LaterRecord): { path: string; id: string }[] {
  const named: { path: string; id: string }[] = [];
  const add = (path: string, ids: readonly string[]) => {
    for (const id of ids) named.push({ path, id });
  };
  if (record.date) add('date', record.date.sources);
  if (record.place) add('place', record.place.sources);
  if (record.signatories) add('signatories', record.signatories.sources);
  record.commitments.forEach((c, i) => add(`commitments[${i}]`, c.sources));
  record.timeline.forEach((s, i) => add(`timeline[${i}]`, s.sources));
  record.conflicts.forEach((c, i) => add(`conflicts[${i}]`, c.sources));
  record.notes.forEach((n, i) => add(`notes[${i}]`, n.sources));
  return named;
}

/**
 * Cross-checks the later records against themselves and the agreements: every fact names a
 * source the record holds and every source backs a fact, so nothing stands unsourced and no
 * source is dead weight; names never collide with another record's or an agreement's.
 */
export function checkRecords(
  records: readonly LaterRecord[],
  agreements: readonly Agreement[],
): string[] {
  const problems: string[] = [];
  const agreementIds = new Set(agreements.map((a) => a.id));
  const partnerCountries = new Set(agreements.flatMap((a) => a.partner.iso2 ?? []));
  const agreementNames = new Set(
    agreements.flatMap((a) =>
      [a.partner.shortName.en, a.partner.shortName.uk, ...a.partner.aliases].flatMap((n) =>
        n ? [lookupForm(n)] : [],
      ),
    ),
  );
  const ids = new Set<string>();
  const names = new Map<string, string>();
  records.forEach((record, index) => {
    const at = `records[${index}] (${record.id})`;
    if (ids.has(record.id) || agreementIds.has(record.id)) {
      problems.push(`${at}.id: "${record.id}" is already used`);
    }
    ids.add(record.id);

    const held = new Set<string>();
    for (const source of record.sources) {
      if (held.has(source.id)) problems.push(`${at}.sources: duplicate source id "${source.id}"`);
      held.add(source.id);
    }
    const used = new Set<string>();
    for (const { path, id } of namedSources(record)) {
      used.add(id);
      if (!held.has(id)) problems.push(`${at}.${path}.sources: no source "${id}" in the record`);
    }
    for (const id of held) {
      if (!used.has(id)) problems.push(`${at}.sources: source "${id}" backs no fact`);
    }

    if (DATED_STATUSES.has(record.status) && record.date === null) {
      problems.push(`${at}.date: a ${record.status} record needs its date`);
    }
    if (record.kind === 'no-agreement') {
      if (record.country === null) problems.push(`${at}.country: a no-agreement record names one`);
      else if (partnerCountries.has(record.country)) {
        problems.push(`${at}.country: ${record.country} has an agreement in the data`);
      }
      if (record.status !== 'talks' && record.status !== 'none') {
        problems.push(`${at}.status: a no-agreement record is "talks" or "none"`);
      }
    } else if (record.country !== null) {
      problems.push(`${at}.country: only a no-agreement record is about one country`);
    }
    const dates = record.timeline.map((s) => s.date);
    if (dates.some((date, i) => i > 0 && date < (dates[i - 1] ?? ''))) {
      problems.push(`${at}.timeline: steps must be oldest first`);
    }

    const spellings = [record.id, record.shortName.en, record.shortName.uk, ...record.aliases];
    for (const spelling of new Set(spellings.map(lookupForm))) {
      if (agreementNames.has(spelling)) {
        problems.push(`${at}: name "${spelling}" is also an agreement's`);
      }
      const owner = names.get(spelling);
      if (owner !== undefined && owner !== record.id) {
        problems.push(`${at}: name "${spelling}" is also used by "${owner}"`);
      }
      names.set(spelling, record.id);
    }
  });
  return problems;
}

/**
 * The changelog names what exists, cites what those records and agreements cite, and is kept in
 * date order (a new change goes at the end), so "what changed since" is a plain cut.
 */
export function checkChangelog(
  changes: readonly Change[],
  records: readonly LaterRecord[],
  agreements: readonly Agreement[],
): string[] {
  const problems: string[] = [];
  const recordById = new Map(records.map((r) => [r.id, r]));
  const agreementById = new Map(agreements.map((a) => [a.id, a]));
  const ids = new Set<string>();
  changes.forEach((change, index) => {
    const at = `changelog[${index}]`;
    // The id is the change's key in every server's post ledger: two alike would post one.
    if (ids.has(change.id)) problems.push(`${at}.id: "${change.id}" is used twice`);
    ids.add(change.id);
    if (index > 0 && change.date < (changes[index - 1]?.date ?? '')) {
      problems.push(`${at}.date: changes must be in date order, oldest first`);
    }
    if (change.recordIds.length + change.agreementIds.length === 0) {
      problems.push(`${at}: a change names the records or agreements it touched`);
    }
    const cited = new Set<string>();
    for (const id of change.recordIds) {
      const record = recordById.get(id);
      if (!record) problems.push(`${at}.recordIds: no record "${id}"`);
      for (const source of record?.sources ?? []) cited.add(source.url);
    }
    for (const id of change.agreementIds) {
      const agreement = agreementById.get(id);
      if (!agreement) problems.push(`${at}.agreementIds: no agreement "${id}"`);
      for (const source of agreement?.sources ?? []) cited.add(source.url);
    }
    for (const url of change.sources) {
      if (!cited.has(url)) problems.push(`${at}.sources: ${url} is not cited by what it names`);
    }
  });
  return problems;
}

/** The newest full day among the sources' dates: how far the data runs. */
export function newestSourceDate(records: readonly LaterRecord[]): string | null {
  let newest: string | null = null;
  for (const record of records) {
    for (const source of record.sources) {
      const day = /^\d{4}-\d{2}-\d{2}/.exec(source.published)?.[0];
      if (day && (newest === null || day > newest)) newest = day;
    }
  }
  return newest;
}

/** The changes made after `date` (an ISO day), oldest first: what a server has not yet seen. */
export function changesSince(changes: readonly Change[], date: string): Change[] {
  return changes.filter((change) => change.date > date);
}
