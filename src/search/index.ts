import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { DatasetFacts } from '../data/load.js';
import { MAX_QUERY_LENGTH } from '../lookup/normalize.js';
import { buildCloseWordIndex, wordsWithin, type CloseWordIndex } from './close-words.js';
import {
  FIELD_BOOST,
  FIELDS,
  searchRecords,
  type FieldName,
  type Passage,
  type RecordType,
  type SearchRecord,
} from './documents.js';
import {
  findSynonyms,
  loadSynonyms,
  NAME_GROUP,
  withNames,
  type SynonymGroup,
  type Synonyms,
} from './synonyms.js';
import { phraseKeys, termForm, tokenize, tokenizeQuery, wordsOf } from './terms.js';

/**
 * Full-text search over every record, built once per Dataset (`data.indexes.search`) with
 * MiniSearch (an inverted index with BM25 ranking, prefix and fuzzy lookup; measured against
 * Orama and FlexSearch in bench/search.ts's commit). Pure: the same data and query give the same
 * answer.
 */
export interface SearchIndex {
  readonly engine: MiniSearch<IndexedDocument>;
  readonly records: ReadonlyMap<string, SearchRecord>;
  readonly synonyms: Synonyms;
  /** Every term in the index, sorted, with how many records hold it and a way it is written. */
  readonly vocabulary: readonly VocabularyEntry[];
  /** The vocabulary by length, for "did you mean" (close-words.ts). */
  readonly closeWords: CloseWordIndex<VocabularyEntry>;
  /** Every term some record holds: a synonym none holds cannot match, so it is not looked up. */
  readonly terms: ReadonlySet<string>;
  /** Each record's terms, to complete a word only with words found beside the ones before it. */
  readonly termsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each record's passages' terms, beside its passages: which passage shows a match. */
  readonly passageTerms: ReadonlyMap<string, readonly ReadonlySet<string>[]>;
  /**
   * Each synonym group's terms as queries, left out where a term holds a word no record holds:
   * looked up exactly, it could match nothing.
   */
  readonly alternatives: ReadonlyMap<SynonymGroup, readonly Alternative[]>;
  /** Each record's names (a partner's or a speaker's) as phrase keys: an exact name wins. */
  readonly namesOf: ReadonlyMap<string, ReadonlySet<string>>;
}

interface IndexedDocument {
  id: string;
  type: RecordType;
  [field: string]: string;
}

export interface VocabularyEntry {
  term: string;
  /** The word as the data writes it, lower case, for suggestions people can read. */
  shown: string;
  records: number;
}

export interface SearchHit {
  record: SearchRecord;
  score: number;
  /** The terms of the record that matched, to mark in its text. */
  terms: ReadonlySet<string>;
  /** The passage that shows best why it matched. */
  passage: Passage;
}

export type SearchOutcome =
  | { kind: 'found'; hits: SearchHit[]; allWords: boolean }
  | { kind: 'no-match'; closeTerms: string[] }
  | { kind: 'empty' };

export interface SearchRequest {
  query: string;
  /** Only agreements or only quotes; both when absent. */
  type?: RecordType | undefined;
  /** Only these fields (a quote topic reads only what was said). */
  fields?: readonly FieldName[] | undefined;
  /** A quote topic needs every word; a search falls back to any word when none has all. */
  requireAll?: boolean;
  /** Only quotes of this speaker (a person id). */
  speakerId?: string | undefined;
}

/** The index of the facts: a Dataset's `indexes.search`, built by buildDataset on first read. */
export function buildSearchIndex(data: DatasetFacts, base: Synonyms = loadSynonyms()): SearchIndex {
  const records = searchRecords(data);
  // Long official names ("G7 (Canada, France, …)") are not what anyone types as a synonym.
  const short = (name: string | null) => (name !== null && name.length <= 40 ? name : null);
  const synonyms = withNames(base, [
    ...data.agreements.map(({ id, partner }) => ({
      id,
      names: [
        partner.shortName.en,
        partner.shortName.uk,
        short(partner.name.en),
        short(partner.name.uk),
        ...partner.aliases,
      ],
    })),
    ...data.records.map(({ id, shortName }) => ({ id, names: [shortName.en, shortName.uk] })),
    ...data.people.map(({ id, name, aliases }) => ({ id, names: [name.en, name.uk, ...aliases] })),
  ]);
  const processTerm = (term: string) => (synonyms.stopWords.has(term) ? null : term);
  const engine = new MiniSearch<IndexedDocument>({
    fields: [...FIELDS],
    storeFields: ['type'],
    // Our tokenizer already yields folded terms; MiniSearch's own would split "F-16" differently.
    tokenize,
    processTerm,
    searchOptions: { tokenize: tokenizeQuery, processTerm },
  });
  engine.addAll(records.map(toDocument));
  const vocabulary = buildVocabulary(records, synonyms);
  const passageTerms = new Map(
    records.map((record) => [
      record.id,
      record.passages.map((passage) => new Set(tokenize(passage.text))),
    ]),
  );
  const termsOf = new Map(
    [...passageTerms].map(([id, passages]) => [id, new Set(passages.flatMap((p) => [...p]))]),
  );
  const terms = new Set([...termsOf.values()].flatMap((held) => [...held]));
  return {
    engine,
    records: new Map(records.map((record) => [record.id, record])),
    synonyms,
    vocabulary,
    closeWords: buildCloseWordIndex(vocabulary, (entry) => entry.term),
    terms,
    termsOf,
    passageTerms,
    alternatives: new Map(
      synonyms.groups.map((group) => [group, alternativesOf(group, synonyms, terms)]),
    ),
    namesOf: new Map(
      records.map((record) => [
        record.id,
        new Set(
          record.passages
            .filter((p) => p.field === 'name' || p.field === 'speaker')
            .map((p) => phraseKeys(p.text).join(' ')),
        ),
      ]),
    ),
  };
}

function toDocument(record: SearchRecord): IndexedDocument {
  const document: IndexedDocument = { id: record.id, type: record.type };
  for (const field of FIELDS) {
    const texts = record.passages.filter((p) => p.field === field).map((p) => p.text);
    if (texts.length > 0) document[field] = texts.join('\n');
  }
  return document;
}

function buildVocabulary(records: readonly SearchRecord[], synonyms: Synonyms): VocabularyEntry[] {
  const entries = new Map<string, { shown: string; records: Set<string> }>();
  for (const record of records) {
    for (const passage of record.passages) {
      for (const word of wordsOf(passage.text)) {
        const raw = passage.text.slice(word.start, word.end).toLowerCase();
        for (const term of word.terms) {
          if (synonyms.stopWords.has(term) || term.length < 2) continue;
          const entry = entries.get(term) ?? {
            shown: word.terms.length === 1 ? raw : term,
            records: new Set(),
          };
          entry.records.add(record.id);
          entries.set(term, entry);
        }
      }
    }
  }
  return [...entries]
    .map(([term, { shown, records: holders }]) => ({ term, shown, records: holders.size }))
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** Prefix lookup for words of 3 letters or more; typos forgiven from 5 (1 edit) and 8 (2). */
const prefix = (term: string) => term.length >= 3;
const fuzzy = (term: string) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false);

/**
 * The query as MiniSearch reads it: each word, or synonym phrase, as one unit that must match.
 * A synonym holding a word no record holds is left out (`index.alternatives`): looked up
 * exactly, it could match nothing, and each one costs a lookup per word in every pass.
 */
export function queryUnits(
  query: string,
  { synonyms, alternatives }: Pick<SearchIndex, 'synonyms' | 'alternatives'>,
): Query[] {
  const words = wordsOf(query.slice(0, MAX_QUERY_LENGTH))
    .filter((word) => word.terms.some((term) => !synonyms.stopWords.has(term)))
    // A question is a few words; past these, each word adds lookups and no precision.
    .slice(0, MAX_QUERY_WORDS);
  const raw = (from: number, to: number) =>
    query.slice(words[from]?.start ?? 0, words[to - 1]?.end ?? 0);
  const keys = words.map((word) => word.terms.at(-1) ?? '');
  const units: Query[] = [];
  let at = 0;
  for (const match of findSynonyms(keys, synonyms)) {
    for (; at < match.from; at += 1) units.push(every(raw(at, at + 1)));
    // The words as typed, or any other way of saying them.
    // The other ways are whole words: looked up as they are, without prefix or typo lookup,
    // which would multiply the work and match what they do not mean.
    const typed = raw(match.from, match.to);
    const typedForm = termForm(typed);
    units.push({
      combineWith: 'OR',
      queries: [
        every(typed),
        ...(alternatives.get(match.group) ?? [])
          .filter((alternative) => alternative.form !== typedForm)
          .map((alternative) => alternative.query),
      ],
    });
    at = match.to;
  }
  for (; at < words.length; at += 1) units.push(every(raw(at, at + 1)));
  return units;
}

/** A synonym as a query: looked up as it is, and its folded form, to skip the one typed. */
interface Alternative {
  form: string;
  query: Query;
}

/** A group's terms as queries, but those the index's terms (`known`) show could match nothing. */
function alternativesOf(
  group: SynonymGroup,
  synonyms: Synonyms,
  known: ReadonlySet<string>,
): readonly Alternative[] {
  return group.terms
    .filter((term) => canMatch(term, synonyms, known))
    .map((term) => ({
      form: termForm(term),
      query: { ...EXACT, combineWith: 'AND', queries: [term] },
    }));
}

/** Whether every word of a phrase that is searched (not a stop word) is a term of the index. */
function canMatch(phrase: string, synonyms: Synonyms, known: ReadonlySet<string>): boolean {
  return tokenize(phrase).every((term) => synonyms.stopWords.has(term) || known.has(term));
}

const EXACT = { prefix: false, fuzzy: false } as const;
/** The words of a query that are searched; the rest are ignored. */
export const MAX_QUERY_WORDS = 8;

/** A phrase whose words must all match (MiniSearch would OR them inside an OR group). */
function every(text: string): Query {
  return { combineWith: 'AND', queries: [text] };
}

/** Searches the index: the best records first, each with the passage that shows the match. */
export function search(index: SearchIndex, request: SearchRequest): SearchOutcome {
  const units = queryUnits(request.query, index);
  if (units.length === 0) return { kind: 'empty' };
  const options = {
    prefix,
    boost: { ...FIELD_BOOST },
    ...(request.fields ? { fields: [...request.fields] } : {}),
    filter: (result: SearchResult) => keeps(index, request, result),
  };
  // Cheapest first: typo tolerance multiplies the terms looked up, and most queries are spelled
  // right, so it runs only when the exact and prefix lookup finds nothing; "any word" only when
  // no record has every word.
  const passes: { combineWith: 'AND' | 'OR'; typos: boolean }[] = [
    { combineWith: 'AND', typos: false },
    { combineWith: 'AND', typos: true },
  ];
  if (units.length > 1 && !request.requireAll) {
    passes.push({ combineWith: 'OR', typos: false });
    // Typos in any of many words is the costliest lookup of all, and finds little of use.
    if (units.length <= 4) passes.push({ combineWith: 'OR', typos: true });
  }
  let results: SearchResult[] = [];
  let allWords = true;
  for (const pass of passes) {
    results = index.engine.search(
      { combineWith: pass.combineWith, queries: units },
      { ...options, fuzzy: pass.typos ? fuzzy : false },
    );
    allWords = pass.combineWith === 'AND';
    if (results.length > 0) break;
  }
  if (results.length === 0) {
    return {
      kind: 'no-match',
      closeTerms: closeTerms(index, request.query, 5, termsIn(index, request)),
    };
  }
  // "EU" is a word in the Compact's long name too, but it is the EU's own name: a query that is
  // exactly a record's name puts that record first.
  const asName = phraseKeys(request.query.slice(0, MAX_QUERY_LENGTH)).join(' ');
  const named = new Set(
    results.filter((result) => index.namesOf.get(result.id as string)?.has(asName)),
  );
  const isNamed = (result: SearchResult) => (named.has(result) ? 1 : 0);
  results.sort((a, b) => isNamed(b) - isNamed(a) || b.score - a.score);
  const fields = request.fields ? new Set<string>(request.fields) : undefined;
  const hits = results.flatMap((result): SearchHit[] => {
    const record = index.records.get(result.id as string);
    if (!record) return [];
    const terms = new Set(result.terms);
    return [
      {
        record,
        score: result.score,
        terms,
        passage: bestPassage(index, record, terms, result, fields),
      },
    ];
  });
  return { kind: 'found', hits, allWords };
}

function keeps(index: SearchIndex, request: SearchRequest, result: SearchResult): boolean {
  const record = index.records.get(result.id as string);
  return record !== undefined && inScope(record, request);
}

function inScope(record: SearchRecord, request: SearchRequest): boolean {
  // A later record is a document too: the agreements scope holds it.
  const type = record.type === 'record' ? 'agreement' : record.type;
  if (request.type && type !== request.type) return false;
  if (request.speakerId !== undefined) {
    return record.type === 'quote' && record.quote.speakerId === request.speakerId;
  }
  return true;
}

/**
 * The terms a restricted search could have found (a speaker's quotes, what they said): "did you
 * mean" offers only those. Undefined for an unrestricted search: every term is in scope.
 */
function termsIn(index: SearchIndex, request: SearchRequest): ReadonlySet<string> | undefined {
  if (!request.type && !request.fields && request.speakerId === undefined) return undefined;
  // A scope is a kind, some fields and maybe a speaker: few, and the data does not change, so
  // each scope's terms are gathered once instead of re-reading every record on each no-match.
  // A memo rather than part of the index built with the data: which scopes come up is the
  // requests' choice (any speaker with any fields), and most never do.
  const key = JSON.stringify([
    request.type ?? null,
    request.fields ?? null,
    request.speakerId ?? null,
  ]);
  let scopes = scopeTerms.get(index);
  if (!scopes) {
    scopes = new Map();
    scopeTerms.set(index, scopes);
  }
  let terms = scopes.get(key);
  if (!terms) {
    terms = gatherTermsIn(index, request);
    // Scopes are bounded by the speakers in the data; the bound only guards against a leak.
    if (scopes.size >= MAX_SCOPES) scopes.clear();
    scopes.set(key, terms);
  }
  return terms;
}

const scopeTerms = new WeakMap<SearchIndex, Map<string, ReadonlySet<string>>>();
const MAX_SCOPES = 256;

function gatherTermsIn(index: SearchIndex, request: SearchRequest): ReadonlySet<string> {
  const terms = new Set<string>();
  for (const record of index.records.values()) {
    if (!inScope(record, request)) continue;
    const termsOf = index.passageTerms.get(record.id)!;
    record.passages.forEach((passage, i) => {
      if (request.fields && !request.fields.includes(passage.field)) return;
      for (const term of termsOf[i]!) terms.add(term);
    });
  }
  return terms;
}

/**
 * The passage to show: from the field the match counts most in, the one holding the most matched
 * terms. A match on the name alone shows the title, which says what the record is. Only passages
 * of `fields` when given.
 */
function bestPassage(
  index: SearchIndex,
  record: SearchRecord,
  terms: ReadonlySet<string>,
  result: SearchResult,
  fields: ReadonlySet<string> | undefined,
): Passage {
  const matchedFields = new Set<string>();
  for (const inFields of Object.values(result.match)) {
    for (const field of inFields) matchedFields.add(field);
  }
  const termsOf = index.passageTerms.get(record.id)!;
  let best: { passage: Passage; score: number } | undefined;
  let firstAllowed: Passage | undefined;
  record.passages.forEach((passage, i) => {
    if (fields && !fields.has(passage.field)) return;
    firstAllowed ??= passage;
    if (!matchedFields.has(passage.field)) return;
    // The matched terms are a handful, a passage's terms can be hundreds: count from the few.
    const inPassage = termsOf[i]!;
    let matched = 0;
    for (const term of terms) if (inPassage.has(term)) matched += 1;
    const score = matched * FIELD_BOOST[passage.field];
    if (score > 0 && (!best || score > best.score)) best = { passage, score };
  });
  if (best && best.passage.field !== 'name') return best.passage;
  const title = record.passages.find((p) => p.field === 'title' || p.field === 'said');
  return title ?? best?.passage ?? firstAllowed ?? record.passages[0]!;
}

/**
 * Words of the index near what was typed, for "did you mean": each query word's closest terms,
 * within a third of its length in edits, most common first.
 */
export function closeTerms(
  index: SearchIndex,
  query: string,
  max = 5,
  within?: ReadonlySet<string>,
): string[] {
  const found: { shown: string; distance: number; records: number }[] = [];
  for (const word of wordsOf(query.slice(0, MAX_QUERY_LENGTH))) {
    const term = word.terms.at(-1) ?? '';
    if (term.length < 3 || index.synonyms.stopWords.has(term)) continue;
    const limit = Math.max(1, Math.ceil(term.length / 3));
    // The word itself is known, just not here: offering it back would be no help (wordsWithin
    // leaves it out).
    const near = wordsWithin(index.closeWords, term, limit, (candidate) =>
      within ? within.has(candidate.term) : true,
    );
    for (const { candidate, distance } of near) {
      found.push({ shown: candidate.value.shown, distance, records: candidate.value.records });
    }
  }
  found.sort((a, b) => a.distance - b.distance || b.records - a.records);
  return [...new Set(found.map((f) => f.shown))].slice(0, max);
}

/**
 * Queries to offer as the member types: the last word completed from the index's words (most
 * common first), and synonym phrases that start the same way, after what was typed before it.
 */
export function suggestQueries(index: SearchIndex, typed: string, max: number): string[] {
  const text = typed.slice(0, MAX_QUERY_LENGTH).replace(/\s+/g, ' ').trimStart();
  const lastSpace = text.lastIndexOf(' ');
  const head = lastSpace >= 0 ? text.slice(0, lastSpace + 1) : '';
  const partial = termForm(text.slice(lastSpace + 1));
  if (partial === '') return head.trim() === '' ? [] : [head.trim()];
  // Synonym phrases that start as the whole text does ("air de" → "air defence") come first.
  const whole = termForm(text);
  const completions: string[] = [];
  for (const group of index.synonyms.groups) {
    // Names from the data are offered word by word, from the index, like any other word.
    if (group.id.startsWith(NAME_GROUP)) continue;
    for (const term of group.terms) if (termForm(term).startsWith(whole)) completions.push(term);
  }
  // Then the last word completed from the index's words, the most widely used first; after other
  // words, only words that some record holds beside them, so each suggestion finds something.
  const before = head.trim() === '' ? null : search(index, { query: head });
  const beside =
    before?.kind === 'found' ? before.hits.map((hit) => index.termsOf.get(hit.record.id)) : null;
  const words: VocabularyEntry[] = [];
  for (let i = lowerBound(index.vocabulary, partial); i < index.vocabulary.length; i += 1) {
    const entry = index.vocabulary[i]!;
    if (!entry.term.startsWith(partial)) break;
    if (entry.term.length < 3 && entry.term !== partial) continue;
    if (before && !beside?.some((terms) => terms?.has(entry.term))) continue;
    words.push(entry);
  }
  words.sort((a, b) => b.records - a.records || (a.term < b.term ? -1 : 1));
  completions.push(...words.map((entry) => `${head}${entry.shown}`));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const query of completions) {
    const key = termForm(query);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(query);
    if (out.length >= max) break;
  }
  return out;
}

function lowerBound(entries: readonly VocabularyEntry[], term: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.term < term) low = middle + 1;
    else high = middle;
  }
  return low;
}
