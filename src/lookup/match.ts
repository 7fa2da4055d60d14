/**
 * Name matching shared by partners and speakers: an index of each item's names in lookup form, a
 * ranking for autocomplete and a resolver that picks one item only when the input leaves no doubt.
 *
 * Hand-written rather than fuse.js: Fuse's bitap scores a transposition ("Frnace") as two edits and
 * cannot tell "a prefix of the name" from "close to the name", and both matter here.
 */
import { damerauLevenshtein } from './distance.js';

/** A name people may type. Strong names resolve; weak ones (a long list of members) only suggest. */
export interface NameSpec {
  text: string;
  strength: 'strong' | 'weak';
  /** Lower sorts first among equal matches (a short name before an alias). */
  priority: number;
}

interface IndexedName {
  text: string;
  compact: string;
  strength: 'strong' | 'weak';
  priority: number;
  /** The name from each word on ("united kingdom", "kingdom"), for typos in a later word. */
  tails: readonly (readonly string[])[];
  /** The letters of each tail, to rule a tail out before the edit-distance matrix. */
  tailLetters: readonly ReadonlySet<string>[];
}

interface Entry<T> {
  item: T;
  /** Position in the dataset's order, the last tie-break. */
  order: number;
  names: readonly IndexedName[];
}

export interface NameIndex<T> {
  readonly entries: readonly Entry<T>[];
  /** Strong names of three or more characters, for finding a name inside a phrase. */
  readonly byName: ReadonlyMap<string, readonly T[]>;
}

export type Resolution<T> =
  | { kind: 'found'; item: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'not-found'; suggestions: T[] };

/** At most this many candidates for "did you mean…"; the reply lists them in one line. */
export const MAX_CANDIDATES = 5;
export const MAX_SUGGESTIONS = 3;

/** Tiers of a match, best first. */
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const FUZZY = 3;
const WEAK = 4;
/** The tier of typo matches: what an exact country name turns off. Member lists rank below it. */
export const FUZZY_TIER = FUZZY;

// Words that start names ("The Netherlands") but say nothing on their own.
const STOPWORDS = new Set(['the', 'and', 'with', 'for', 'agreement']);
const MIN_PREFIX = 3;
// A longer text is not a name with a few extra words: it may suggest, never resolve.
const MAX_PHRASE_TOKENS = 12;

export interface Ranked<T> {
  item: T;
  tier: number;
  distance: number;
}

/**
 * Builds the index once; `namesOf` gives names already in lookup form (empty ones are dropped).
 */
export function buildIndex<T>(
  items: readonly T[],
  namesOf: (item: T) => readonly NameSpec[],
): NameIndex<T> {
  const entries = items.map((item, order) => ({
    item,
    order,
    names: dedupe(namesOf(item))
      .filter((spec) => spec.text !== '')
      .map((spec) => {
        const tails = wordTails(spec.text).map((tail) => Array.from(tail));
        return {
          ...spec,
          compact: spec.text.replaceAll(' ', ''),
          tails,
          tailLetters: tails.map((tail) => new Set(tail)),
        };
      }),
  }));
  const byName = new Map<string, T[]>();
  for (const entry of entries) {
    for (const name of entry.names) {
      if (name.strength !== 'strong' || name.text.length < 3) continue;
      const owners = byName.get(name.text) ?? [];
      if (!owners.includes(entry.item)) owners.push(entry.item);
      byName.set(name.text, owners);
    }
  }
  return { entries, byName };
}

function dedupe(specs: readonly NameSpec[]): NameSpec[] {
  const best = new Map<string, NameSpec>();
  for (const spec of specs) {
    const known = best.get(spec.text);
    const stronger = known && known.strength === 'weak' && spec.strength === 'strong';
    if (
      !known ||
      stronger ||
      (known.strength === spec.strength && spec.priority < known.priority)
    ) {
      best.set(spec.text, spec);
    }
  }
  return [...best.values()];
}

/**
 * Whether more of the query's letters are missing from a name than `allowance`: each one needs an
 * edit of its own, so such a name is out of reach whatever the matrix would say.
 */
function tooManyMissing(
  queryChars: readonly string[],
  letters: ReadonlySet<string>,
  allowance: number,
): boolean {
  let missing = 0;
  for (const char of queryChars) {
    if (!letters.has(char) && (missing += 1) > allowance) return true;
  }
  return false;
}

function wordTails(text: string): string[] {
  const words = text.split(' ');
  return words.map((_, index) => words.slice(index).join(' '));
}

/** How many edits a query of this length may carry and still mean a name. */
export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  if (length < 6) return 1;
  if (length < 10) return 2;
  return 3;
}

interface NameScore {
  tier: number;
  distance: number;
  priority: number;
}

function scoreName(
  name: IndexedName,
  query: string,
  queryChars: readonly string[],
): NameScore | null {
  if (name.strength === 'weak') {
    const wordPrefix = query.length >= MIN_PREFIX && ` ${name.text}`.includes(` ${query}`);
    return wordPrefix ? { tier: WEAK, distance: 0, priority: name.priority } : null;
  }
  if (name.text === query || name.compact === query.replaceAll(' ', '')) {
    return { tier: EXACT, distance: 0, priority: name.priority };
  }
  if (name.text.startsWith(query)) return { tier: PREFIX, distance: 0, priority: name.priority };
  if (` ${name.text}`.includes(` ${query}`)) {
    return { tier: WORD_PREFIX, distance: 0, priority: name.priority };
  }
  const allowance = typoAllowance(queryChars.length);
  if (allowance === 0) return null;
  let best = Infinity;
  name.tails.forEach((tail, t) => {
    // Neither the whole tail nor any prefix of it can be within reach: skip the matrix.
    if (queryChars.length - tail.length > allowance) return;
    if (tooManyMissing(queryChars, name.tailLetters[t] ?? new Set(), allowance)) return;
    best = Math.min(best, damerauLevenshtein(queryChars, tail, allowance).bestPrefix);
  });
  return best <= allowance ? { tier: FUZZY, distance: best, priority: name.priority } : null;
}

function compareScores(a: NameScore, b: NameScore): number {
  return a.tier - b.tier || a.distance - b.distance || a.priority - b.priority;
}

/**
 * Every item that matches `query` (lookup form), best first: exact names, names that start with the
 * query, names with a word that does, names within a few typos of the query (or of its start, as
 * the user is still typing), then weak names.
 */
export function rankByName<T>(index: NameIndex<T>, query: string): Ranked<T>[] {
  if (query === '') return [];
  const queryChars = Array.from(query);
  const scored: { entry: Entry<T>; score: NameScore }[] = [];
  for (const entry of index.entries) {
    let best: NameScore | null = null;
    for (const name of entry.names) {
      const score = scoreName(name, query, queryChars);
      if (score && (!best || compareScores(score, best) < 0)) best = score;
    }
    if (best) scored.push({ entry, score: best });
  }
  scored.sort((a, b) => compareScores(a.score, b.score) || a.entry.order - b.entry.order);
  return scored.map(({ entry, score }) => ({
    item: entry.item,
    tier: score.tier,
    distance: score.distance,
  }));
}

/** One item, or the few it could be: see resolveByName. */
function decide<T>(items: readonly T[]): Resolution<T> | null {
  const unique = [...new Set(items)];
  if (unique.length === 0) return null;
  if (unique.length === 1) return { kind: 'found', item: unique[0] as T };
  return { kind: 'ambiguous', candidates: unique.slice(0, MAX_CANDIDATES) };
}

/**
 * Resolves a query (lookup form) to one item only when nothing else fits as well: an exact name;
 * else one name inside a short phrase ("the germany agreement"); else the only item whose name
 * starts with the query (3+ letters); else the only item nearest by typos. Anything less is
 * ambiguous or not found, with suggestions.
 */
export function resolveByName<T>(index: NameIndex<T>, query: string): Resolution<T> {
  if (query === '') return { kind: 'not-found', suggestions: [] };
  const ranked = rankByName(index, query);
  const inTier = (tiers: readonly number[]) =>
    ranked.filter((r) => tiers.includes(r.tier)).map((r) => r.item);

  const exact = decide(inTier([EXACT]));
  if (exact) return exact;

  const named = namesInPhrase(index, query);
  const inPhrase = query.split(' ').length <= MAX_PHRASE_TOKENS ? decide(named) : null;
  if (inPhrase) return inPhrase;

  const prefixed = inTier([PREFIX]);
  const wordPrefixed = inTier([WORD_PREFIX]);
  if (query.length >= MIN_PREFIX && !STOPWORDS.has(query)) {
    const byPrefix = decide(prefixed.length > 0 ? prefixed : wordPrefixed);
    if (byPrefix) return byPrefix;
  } else if (prefixed.length + wordPrefixed.length > 1) {
    // "n", "s": many names start so; never pick one at random.
    return {
      kind: 'ambiguous',
      candidates: [...prefixed, ...wordPrefixed].slice(0, MAX_CANDIDATES),
    };
  }

  const typo = decide(nearestByTypos(index, query));
  if (typo) return typo;

  const suggestions = [
    ...new Set([...ranked.map((r) => r.item), ...named, ...nearMissesInPhrase(index, query)]),
  ];
  return { kind: 'not-found', suggestions: suggestions.slice(0, MAX_SUGGESTIONS) };
}

/**
 * Items named exactly by a run of words inside a query of several words; the longest run wins, so
 * "united kingdom of great britain and northern ireland" is the UK. Two-letter names are left out:
 * in a phrase "is", "it", "no" and "us" are words, not countries.
 */
function namesInPhrase<T>(index: NameIndex<T>, query: string): T[] {
  const tokens = query.split(' ');
  for (let size = tokens.length - 1; size >= 1; size -= 1) {
    const found: T[] = [];
    for (let start = 0; start + size <= tokens.length; start += 1) {
      const phrase = tokens.slice(start, start + size).join(' ');
      if (STOPWORDS.has(phrase)) continue;
      found.push(...(index.byName.get(phrase) ?? []));
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** Near misses of a name among the words of a short phrase ("ukrane compakt please"). */
function nearMissesInPhrase<T>(index: NameIndex<T>, query: string): T[] {
  const tokens = query.split(' ');
  if (tokens.length < 2 || tokens.length > MAX_PHRASE_TOKENS) return [];
  const found: T[] = [];
  for (let size = Math.min(3, tokens.length - 1); size >= 1; size -= 1) {
    for (let start = 0; start + size <= tokens.length; start += 1) {
      found.push(...nearestByTypos(index, tokens.slice(start, start + size).join(' ')));
    }
  }
  return found;
}

/** The items whose whole name (or a word-tail of it) is fewest typos away, within the allowance. */
function nearestByTypos<T>(index: NameIndex<T>, query: string): T[] {
  const queryChars = Array.from(query);
  const allowance = typoAllowance(queryChars.length);
  if (allowance === 0) return [];
  let bestDistance = Infinity;
  let nearest: T[] = [];
  for (const entry of index.entries) {
    let distance = Infinity;
    for (const name of entry.names) {
      if (name.strength !== 'strong') continue;
      name.tails.forEach((tail, t) => {
        if (Math.abs(queryChars.length - tail.length) > allowance) return;
        if (tooManyMissing(queryChars, name.tailLetters[t] ?? new Set(), allowance)) return;
        distance = Math.min(distance, damerauLevenshtein(queryChars, tail, allowance).whole);
      });
    }
    if (distance > allowance) continue;
    if (distance < bestDistance) {
      bestDistance = distance;
      nearest = [entry.item];
    } else if (distance === bestDistance) {
      nearest.push(entry.item);
    }
  }
  return nearest;
}
