/**
 * What `/agreement` can answer about: one of the 31 agreements, or a later record (2025–2026
 * documents, and partners with no agreement). One index over both, so "united states security
 * guarantees" is weighed against the US agreement rather than lost to it.
 */
import type { Choice } from '../commands/types.js';
import type { Dataset } from '../data/load.js';
import type { LaterRecord } from '../data/records-schema.js';
import type { Agreement } from '../data/schema.js';
import { languageOf, pick, stringsFor } from '../i18n/index.js';
import { LIMITS } from '../render/limits.js';
import { choice, shortDate } from './choices.js';
import type { Country } from './countries.js';
import {
  buildIndex,
  FUZZY_TIER,
  rankByName,
  resolveByName,
  type NameIndex,
  type NameSpec,
} from './match.js';
import { lookupForm, MAX_QUERY_LENGTH } from './normalize.js';
import {
  byFlag,
  countriesFor,
  countryByFlag,
  countryInPhrase,
  exactCountry,
  flagCodes,
  noAgreementChoice,
  partnerChoiceName,
  partnerNames,
} from './partners.js';

export type Subject =
  { kind: 'agreement'; agreement: Agreement } | { kind: 'record'; record: LaterRecord };

export type SubjectMatch =
  | { kind: 'found'; subject: Subject }
  | { kind: 'ambiguous'; candidates: Subject[] }
  | { kind: 'not-found'; suggestions: Subject[] }
  | { kind: 'not-partner'; country: Country }
  /** Nothing to look up: no letter, digit or flag. */
  | { kind: 'blank' };

/** Longer titles are weak names, as partners' member lists are: they suggest, never resolve by typos. */
const LONG_TITLE = 40;

function recordNames(record: LaterRecord): NameSpec[] {
  const named = (text: string, priority: number): NameSpec => ({
    text: lookupForm(text),
    strength: text.length > LONG_TITLE ? 'weak' : 'strong',
    priority,
  });
  return [
    named(record.shortName.en, 0),
    named(record.shortName.uk, 0),
    named(record.title.en, 1),
    named(record.title.uk, 1),
    ...record.aliases.map((alias) => named(alias, 2)),
    named(record.id, 3),
  ];
}

/** The index of every subject's names, which loadData builds once as `data.indexes.subjects`. */
export function buildSubjectIndex(
  agreements: readonly Agreement[],
  records: readonly LaterRecord[],
): NameIndex<Subject> {
  const subjects: Subject[] = [
    ...agreements.map((agreement): Subject => ({ kind: 'agreement', agreement })),
    ...records.map((record): Subject => ({ kind: 'record', record })),
  ];
  return buildIndex(subjects, (subject) =>
    subject.kind === 'agreement' ? partnerNames(subject.agreement) : recordNames(subject.record),
  );
}

/** The same subject object each time, so results compare and deduplicate by identity. */
function subjectOf(item: Agreement | LaterRecord, data: Dataset): Subject {
  const found = data.indexes.subjects.entries.find((entry) =>
    entry.item.kind === 'agreement' ? entry.item.agreement === item : entry.item.record === item,
  );
  if (found) return found.item;
  return 'partner' in item
    ? { kind: 'agreement', agreement: item }
    : { kind: 'record', record: item };
}

function byId(text: string, data: Dataset): Subject | undefined {
  const id = text.trim().toLowerCase();
  const item = data.agreementById.get(id) ?? data.recordById.get(id);
  return item ? subjectOf(item, data) : undefined;
}

/** A country's answer: its agreement, its no-agreement record, or "no agreement in our data". */
function answerForCountry(country: Country, data: Dataset): SubjectMatch {
  const agreement = data.agreements.find((a) => a.partner.iso2 === country.iso2);
  if (agreement) return { kind: 'found', subject: subjectOf(agreement, data) };
  const record = data.records.find((r) => r.country === country.iso2);
  if (record) return { kind: 'found', subject: subjectOf(record, data) };
  return { kind: 'not-partner', country };
}

/**
 * What a user means in `/agreement partner:`: an id, a flag, a country's exact name in any
 * language we hold (before any typo tolerance), a name or alias of an agreement or a later
 * record, or a near miss of one. Never throws.
 */
export function resolveSubject(query: string, data: Dataset): SubjectMatch {
  const text = query.slice(0, MAX_QUERY_LENGTH * 2);
  const normalized = lookupForm(text);
  if (normalized === '' && flagCodes(text).length === 0) return { kind: 'blank' };

  const exactId = byId(text, data);
  if (exactId) return { kind: 'found', subject: exactId };

  const flagged = byFlag(text, data).map((a) => subjectOf(a, data));
  if (flagged.length === 1) return { kind: 'found', subject: flagged[0] as Subject };
  if (flagged.length > 1) return { kind: 'ambiguous', candidates: flagged };
  const flagCountry = countryByFlag(text);
  if (flagCountry) return answerForCountry(flagCountry, data);

  const country = exactCountry(normalized);
  if (country) return answerForCountry(country, data);

  const resolution = resolveByName(data.indexes.subjects, normalized);
  switch (resolution.kind) {
    case 'found':
      return { kind: 'found', subject: resolution.item };
    case 'ambiguous':
      return resolution;
    case 'not-found': {
      const named = countryInPhrase(normalized);
      if (named) {
        const answer = answerForCountry(named, data);
        if (answer.kind !== 'found' || answer.subject.kind === 'record') return answer;
      }
      return resolution;
    }
  }
}

/**
 * Autocomplete for `/agreement`: the id or flag typed, exact and prefix matches, countries with
 * no agreement, then typo matches (none when the text is exactly a country's name). Empty input
 * lists the agreements in signing order, then the later records. Values are ids.
 */
export function suggestSubjects(query: string, data: Dataset, locale: string): Choice[] {
  const text = query.slice(0, MAX_QUERY_LENGTH * 2);
  const normalized = lookupForm(text);
  const direct = [byId(text, data), ...byFlag(text, data).map((a) => subjectOf(a, data))].filter(
    (s): s is Subject => s !== undefined,
  );
  if (normalized === '' && direct.length === 0) {
    return [...data.agreements, ...data.records]
      .slice(0, LIMITS.autocompleteChoices)
      .map((item) => subjectChoice(subjectOf(item, data), locale));
  }
  const countries = countriesFor(normalized, data);
  // A country with a no-agreement record is offered as that record, not as a bare country.
  const recordOf = (c: Country) => data.records.find((r) => r.country === c.iso2);
  const ofCountries = [
    ...countries.agreements.map((a) => subjectOf(a, data)),
    ...countries.others.flatMap((c) => {
      const record = recordOf(c);
      return record ? [subjectOf(record, data)] : [];
    }),
  ];
  const ranked = rankByName(data.indexes.subjects, normalized);
  const close = ranked.filter((r) => r.tier < FUZZY_TIER).map((r) => r.item);
  // Typo matches only for what is not a country's exact name; member lists (weaker still) stay.
  const typos = ranked
    .filter((r) => r.tier > FUZZY_TIER || (r.tier === FUZZY_TIER && countries.allowTypos))
    .map((r) => r.item);
  const subjects = [...new Set([...direct, ...ofCountries, ...close])];
  return [
    ...subjects.map((s) => subjectChoice(s, locale)),
    ...countries.others.filter((c) => !recordOf(c)).map((c) => noAgreementChoice(c, locale)),
    ...[...new Set(typos)]
      .filter((s) => !subjects.includes(s))
      .map((s) => subjectChoice(s, locale)),
  ].slice(0, LIMITS.autocompleteChoices);
}

/** "🇬🇧 100 Year Partnership · 16 Jan 2025", "🇲🇪 Montenegro · Talks, no agreement signed". */
export function subjectChoice(subject: Subject, locale: string): Choice {
  if (subject.kind === 'agreement') {
    return choice(partnerChoiceName(subject.agreement, locale), subject.agreement.id);
  }
  const { record } = subject;
  const name = pick(record.shortName, languageOf(locale));
  const flag = record.flag ? `${record.flag} ` : '';
  const when = record.date
    ? shortDate(record.date.value, locale)
    : stringsFor(locale).record.status[record.status];
  return choice(`${flag}${name} · ${when}`, record.id);
}
