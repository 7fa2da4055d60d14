import type { z } from 'zod';
import type { NameIndex } from '../lookup/match.js';
import { lookupForm } from '../lookup/normalize.js';
import { buildPartnerIndex } from '../lookup/partners.js';
import { buildQuoteWords, buildSpeakerIndex, type QuoteWords } from '../lookup/speakers.js';
import { buildSubjectIndex, type Subject } from '../lookup/subjects.js';
import { buildScheduleIndex, type ScheduleIndex } from '../schedule/schedule-index.js';
import { buildSearchIndex, type SearchIndex } from '../search/index.js';
import agreementsJson from './agreements.json' with { type: 'json' };
import changelogJson from './changelog.json' with { type: 'json' };
import peopleJson from './people.json' with { type: 'json' };
import quotesJson from './quotes.json' with { type: 'json' };
import recordsJson from './records.json' with { type: 'json' };
import { checkChangelog, checkRecords, newestSourceDate } from './records-check.js';
import {
  changelogFileSchema,
  recordsFileSchema,
  type Change,
  type LaterRecord,
} from './records-schema.js';
import {
  agreementsFileSchema,
  peopleFileSchema,
  partnerSpellings,
  quotesFileSchema,
  type Agreement,
  type FactKey,
  type Person,
  type Quote,
} from './schema.js';

/** The validated data, in the orders the bot shows it, with its look-ups by id. */
export interface DatasetFacts {
  /** In signing order (then by id), the order lists and timelines use. */
  readonly agreements: readonly Agreement[];
  readonly agreementById: ReadonlyMap<string, Agreement>;
  readonly people: readonly Person[];
  readonly personById: ReadonlyMap<string, Person>;
  readonly quotes: readonly Quote[];
  readonly quotesBySpeaker: ReadonlyMap<string, readonly Quote[]>;
  /** What came after the 28 and the frameworks, and partners with no agreement (records.json). */
  readonly records: readonly LaterRecord[];
  readonly recordById: ReadonlyMap<string, LaterRecord>;
  /** The data's own changelog, oldest first. */
  readonly changelog: readonly Change[];
  /** "Our data runs to …": the newest day among the sources' dates. */
  readonly dataRunsTo: string;
}

/**
 * What the lookup, search and schedule modules answer from, each built by the module that reads
 * it, once per Dataset, by buildDataset: no module keeps a cache of its own beside the data.
 */
export interface DatasetIndexes {
  /** Partners' names in every spelling we hold (lookup/partners.ts). */
  readonly partners: NameIndex<Agreement>;
  /** The agreements' and the later records' names in one index (lookup/subjects.ts). */
  readonly subjects: NameIndex<Subject>;
  /** People's names (lookup/speakers.ts). */
  readonly speakers: NameIndex<Person>;
  /** Each quote's words, for a quote topic (lookup/speakers.ts). */
  readonly quoteWords: ReadonlyMap<Quote, QuoteWords>;
  /**
   * Full text of every record, with its vocabulary and synonyms (search/index.ts). Built on
   * first read, the one index that is: built at start it costs ~85 ms of CPU, ~5 MiB of heap and
   * ~20 MiB of RSS in a bare process (its garbage grows the heap), which a bot nobody searches
   * never needs.
   */
  readonly search: SearchIndex;
  /** Anniversaries by day, the digest's quotes and the changelog's posts (schedule-index.ts). */
  readonly schedule: ScheduleIndex;
}

/**
 * The validated, indexed data the bot answers from. Built once at start-up. A copy with other
 * facts comes from buildDataset, never from a spread (`{ ...data, agreements }`), which would keep
 * the indexes of the old facts.
 */
export interface Dataset extends DatasetFacts {
  readonly indexes: DatasetIndexes;
}

/** What a Dataset is built from: the checked files, and the day their sources run to. */
export type DatasetParts = Pick<
  DatasetFacts,
  'agreements' | 'people' | 'quotes' | 'records' | 'changelog' | 'dataRunsTo'
>;

export interface RawData {
  agreements: unknown;
  people: unknown;
  quotes: unknown;
  /** Absent: the bundled files (tests that vary the agreements keep the rest as shipped). */
  records?: unknown;
  changelog?: unknown;
}

/** Broken data: every problem, each with the path into the data that failed. */
export class DataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The bot's data is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DataError';
  }
}

export const bundledData: RawData = {
  agreements: agreementsJson,
  people: peopleJson,
  quotes: quotesJson,
  records: recordsJson,
  changelog: changelogJson,
};

/** Validates and cross-checks the data; throws a DataError naming every failed path. */
export function loadData(raw: RawData = bundledData): Dataset {
  const problems: string[] = [];
  const agreements = parseFile('agreements', agreementsFileSchema, raw.agreements, problems);
  const people = parseFile('people', peopleFileSchema, raw.people, problems);
  const quotes = parseFile('quotes', quotesFileSchema, raw.quotes, problems);
  const records = parseFile('records', recordsFileSchema, raw.records ?? recordsJson, problems);
  const changelog = parseFile(
    'changelog',
    changelogFileSchema,
    raw.changelog ?? changelogJson,
    problems,
  );
  if (!agreements || !people || !quotes || !records || !changelog) throw new DataError(problems);

  problems.push(
    ...checkAgreements(agreements),
    ...checkSourcing(agreements),
    ...checkPeople(people),
    ...checkQuotes(quotes, people),
    ...checkRecords(records, agreements),
    ...checkChangelog(changelog, records, agreements),
  );
  const dataRunsTo = newestSourceDate(records);
  if (dataRunsTo === null)
    problems.push('records: no source has a full date, so the data has none');
  if (problems.length > 0 || dataRunsTo === null) throw new DataError(problems);

  return buildDataset({ agreements, people, quotes, records, changelog, dataRunsTo });
}

/**
 * The Dataset of checked parts: agreements in signing order, the look-ups by id and every index.
 * loadData's last step; tests that vary the facts beyond what the checks allow call it directly.
 * No builder compares by locale or works in a time zone (Intl, localeCompare, luxon): built
 * eagerly, they would map ICU's collation data (~2 MiB of RSS per process) or its zone data at
 * start, which only a listing in a user's language or a server's schedule needs.
 */
export function buildDataset(parts: DatasetParts): Dataset {
  // By code point, not localeCompare: on YYYY-MM-DD dates and lowercase slugs the order is the
  // same.
  const agreements = [...parts.agreements].sort(
    (a, b) => compareCodePoints(a.signed, b.signed) || compareCodePoints(a.id, b.id),
  );
  const { people, quotes, records } = parts;
  const quotesBySpeaker = new Map<string, Quote[]>();
  for (const quote of quotes) {
    const list = quotesBySpeaker.get(quote.speakerId) ?? [];
    list.push(quote);
    quotesBySpeaker.set(quote.speakerId, list);
  }
  const facts: DatasetFacts = {
    agreements,
    agreementById: new Map(agreements.map((a) => [a.id, a])),
    people,
    personById: new Map(people.map((p) => [p.id, p])),
    quotes,
    quotesBySpeaker,
    records,
    recordById: new Map(records.map((r) => [r.id, r])),
    changelog: parts.changelog,
    dataRunsTo: parts.dataRunsTo,
  };
  let search: SearchIndex | undefined;
  // Every index here, at once, but the search index, on first read (see DatasetIndexes.search).
  return {
    ...facts,
    indexes: {
      partners: buildPartnerIndex(agreements),
      subjects: buildSubjectIndex(agreements, records),
      speakers: buildSpeakerIndex(people),
      quoteWords: buildQuoteWords(quotes),
      get search() {
        search ??= buildSearchIndex(facts);
        return search;
      },
      schedule: buildScheduleIndex(facts),
    },
  };
}

/** Plain code-point order, for ASCII keys whose order a locale does not change. */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseFile<T>(
  file: string,
  schema: z.ZodType<T>,
  value: unknown,
  problems: string[],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${file}${formatPath(issue.path)}: ${issue.message}`);
  }
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

/** The facts of an agreement that hold a value, and so need a source. */
export function statedFacts(agreement: Agreement): FactKey[] {
  const facts: FactKey[] = ['title', 'signed'];
  if (agreement.place !== null) facts.push('place');
  if (agreement.signatories.partner.length > 0) facts.push('signatories.partner');
  if (agreement.signatories.ukraine.length > 0) facts.push('signatories.ukraine');
  if (agreement.durationYears !== null) facts.push('durationYears');
  if (agreement.consultations24h !== null) facts.push('consultations24h');
  if (agreement.textUrl !== null) facts.push('textUrl');
  agreement.commitments.forEach((_, index) => facts.push(`commitments.${index}`));
  return facts;
}

function checkAgreements(agreements: readonly Agreement[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Map<string, string>();
  agreements.forEach((agreement, index) => {
    const at = `agreements[${index}]`;
    if (ids.has(agreement.id)) problems.push(`${at}.id: duplicate id "${agreement.id}"`);
    ids.add(agreement.id);

    const spellings = [agreement.id, ...partnerSpellings(agreement.partner)];
    // The same spelling twice within one partner is harmless; across partners it makes lookup ambiguous.
    for (const spelling of new Set(spellings.flatMap((s) => (s ? [lookupForm(s)] : [])))) {
      const owner = names.get(spelling);
      if (owner !== undefined && owner !== agreement.id) {
        problems.push(`${at}.partner: name "${spelling}" is also used by "${owner}"`);
      }
      names.set(spelling, agreement.id);
    }

    agreement.sources.forEach((source, sourceIndex) => {
      for (const fact of source.supports) {
        const commitment = /^commitments\.(\d+)$/.exec(fact);
        if (commitment && Number(commitment[1]) >= agreement.commitments.length) {
          problems.push(`${at}.sources[${sourceIndex}].supports: no commitment "${fact}"`);
        }
      }
    });
    if (agreement.durationYears !== null && agreement.durationYears > 50) {
      problems.push(`${at}.durationYears: implausible duration ${agreement.durationYears}`);
    }
  });
  return problems;
}

/**
 * Every stated fact must name a source that supports it, or be listed in `unconfirmed`
 * (shown with a warning), or be one the curator checked against a linked page whose sentence is
 * not stored yet (`curator.checkedWithoutSentence`): a fact nobody vouches for must never look
 * settled.
 */
export function checkSourcing(agreements: readonly Agreement[]): string[] {
  const problems: string[] = [];
  agreements.forEach((agreement, index) => {
    const supported = new Set(agreement.sources.flatMap((source) => source.supports));
    const accounted = new Set<FactKey>([
      ...supported,
      ...agreement.unconfirmed,
      ...agreement.curator.checkedWithoutSentence,
    ]);
    // A fact is sourced one way: once a sentence backs it, it leaves the curator's list.
    for (const fact of agreement.curator.checkedWithoutSentence) {
      if (supported.has(fact) || agreement.unconfirmed.includes(fact)) {
        problems.push(
          `agreements[${index}] (${agreement.id}).curator.checkedWithoutSentence: "${fact}" is also sourced or unconfirmed`,
        );
      }
    }
    for (const fact of statedFacts(agreement)) {
      if (!accounted.has(fact)) {
        problems.push(
          `agreements[${index}] (${agreement.id}).sources: no source supports "${fact}" and it is not unconfirmed`,
        );
      }
    }
  });
  return problems;
}

function checkPeople(people: readonly Person[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Map<string, string>();
  people.forEach((person, index) => {
    if (ids.has(person.id)) problems.push(`people[${index}].id: duplicate id "${person.id}"`);
    ids.add(person.id);
    const spellings = [person.id, person.name.en, person.name.uk, ...person.aliases];
    for (const spelling of new Set(spellings.flatMap((s) => (s ? [lookupForm(s)] : [])))) {
      const owner = names.get(spelling);
      if (owner !== undefined && owner !== person.id) {
        problems.push(`people[${index}]: name "${spelling}" is also used by "${owner}"`);
      }
      names.set(spelling, person.id);
    }
  });
  return problems;
}

function checkQuotes(quotes: readonly Quote[], people: readonly Person[]): string[] {
  const problems: string[] = [];
  const speakers = new Set(people.map((p) => p.id));
  const ids = new Set<string>();
  quotes.forEach((quote, index) => {
    if (ids.has(quote.id)) problems.push(`quotes[${index}].id: duplicate id "${quote.id}"`);
    ids.add(quote.id);
    if (!speakers.has(quote.speakerId)) {
      problems.push(`quotes[${index}].speakerId: no person "${quote.speakerId}"`);
    }
  });
  return problems;
}
