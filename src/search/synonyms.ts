import { z } from 'zod';
import synonymsJson from '../data/synonyms.json' with { type: 'json' };
import { slug } from '../primitives.js';
import { phraseKeys, termForm } from './terms.js';

/**
 * Words that mean the same to a reader, in either language ("air defence", "ППО"), and words too
 * common to search by. Kept as data beside the facts (src/data/synonyms.json), checked here.
 */
const termSchema = z.string().trim().min(1).max(60);
export const synonymsFileSchema = z
  .strictObject({
    stopWords: z.strictObject({ en: z.array(termSchema), uk: z.array(termSchema) }),
    groups: z
      .array(
        z.strictObject({
          id: slug,
          terms: z.array(termSchema).min(2),
        }),
      )
      .min(1),
  })
  .superRefine((file, ctx) => {
    // A term in two groups would make one group silently swallow the other.
    const owner = new Map<string, string>();
    file.groups.forEach((group, g) => {
      group.terms.forEach((term, t) => {
        const key = phraseKeys(term).join(' ');
        if (key === '') {
          ctx.addIssue({ code: 'custom', path: ['groups', g, 'terms', t], message: 'no letters' });
          return;
        }
        const previous = owner.get(key);
        if (previous !== undefined && previous !== group.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', g, 'terms', t],
            message: `"${term}" is also in group "${previous}"`,
          });
        }
        owner.set(key, group.id);
      });
    });
  });

export interface SynonymGroup {
  id: string;
  /** Each term as it is written (what a reply may show). */
  terms: readonly string[];
  /** Each term's phrase keys, beside `terms`. */
  keys: readonly (readonly string[])[];
}

export interface Synonyms {
  groups: readonly SynonymGroup[];
  stopWords: ReadonlySet<string>;
  /** The longest synonym phrase, in words: how far a match looks ahead. */
  longest: number;
  /** The groups' phrases filed by first word, built with the groups (buildPhraseIndex). */
  phrases: PhraseIndex;
}

/** Validates a synonyms file; throws naming every failed path. */
export function loadSynonyms(raw: unknown = synonymsJson): Synonyms {
  const result = synonymsFileSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `synonyms.${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`The synonyms file is invalid:\n${problems.join('\n')}`);
  }
  const groups = result.data.groups.map((group) => ({
    id: group.id,
    terms: group.terms,
    keys: group.terms.map((term) => phraseKeys(term)),
  }));
  return {
    groups,
    stopWords: new Set([...result.data.stopWords.en, ...result.data.stopWords.uk].map(termForm)),
    longest: Math.max(...groups.flatMap((g) => g.keys.map((k) => k.length))),
    phrases: buildPhraseIndex(groups),
  };
}

/** The id prefix of the groups withNames adds from the data. */
export const NAME_GROUP = 'name:';

/**
 * The synonyms plus each partner's and each person's names as groups of their own, from the data:
 * "Польща" then finds Tusk's "Poland", "Зеленський" a quote that says "Zelenskyy". A name that
 * another group already holds stays there.
 */
export function withNames(
  synonyms: Synonyms,
  named: readonly { id: string; names: readonly (string | null)[] }[],
): Synonyms {
  const taken = new Set(synonyms.groups.flatMap((group) => group.keys.map((key) => key.join(' '))));
  const groups = [...synonyms.groups];
  for (const { id, names } of named) {
    const terms: string[] = [];
    const keys: string[][] = [];
    for (const name of names) {
      if (name === null) continue;
      const key = phraseKeys(name);
      const joined = key.join(' ');
      if (joined === '' || taken.has(joined)) continue;
      taken.add(joined);
      terms.push(name);
      keys.push(key);
    }
    if (terms.length >= 2) groups.push({ id: `${NAME_GROUP}${id}`, terms, keys });
  }
  return {
    ...synonyms,
    groups,
    longest: Math.max(synonyms.longest, ...groups.flatMap((g) => g.keys.map((k) => k.length))),
    phrases: buildPhraseIndex(groups),
  };
}

/**
 * Whether two words are one word with another ending: Ukrainian declines ("гарантії",
 * "гарантій"), English adds "s". Only longer words, and only the last two letters may differ.
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5) return false;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return common >= 4 && common >= Math.max(a.length, b.length) - 2;
}

/** A run of query words that a synonym group names, as [from, to) word positions. */
export interface SynonymMatch {
  from: number;
  to: number;
  group: SynonymGroup;
}

/** The synonym phrases in a query's words, longest first, none overlapping. */
export function findSynonyms(keys: readonly string[], synonyms: Synonyms): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  let at = 0;
  while (at < keys.length) {
    const found = longestAt(keys, at, synonyms);
    if (found) {
      matches.push(found);
      at = found.to;
    } else {
      at += 1;
    }
  }
  return matches;
}

/**
 * The longest phrase starting at `at`; of phrases as long, the one of the earliest group. Only
 * phrases filed under the word at `at` are tried (`synonyms.phrases`), not every group's every
 * term.
 */
function longestAt(
  keys: readonly string[],
  at: number,
  synonyms: Synonyms,
): SynonymMatch | undefined {
  const { phrases } = synonyms;
  const first = keys[at] ?? '';
  const candidates = [
    ...(phrases.byFirstWord.get(first) ?? []),
    ...(first.length >= MIN_STEM ? (phrases.byStem.get(first.slice(0, STEM_START)) ?? []) : []),
  ];
  let best: { length: number; group: number } | undefined;
  for (const { key, group } of candidates) {
    const length = key.length;
    if (length > keys.length - at || length > synonyms.longest) continue;
    if (best && (length < best.length || (length === best.length && group >= best.group))) {
      continue;
    }
    const matches = key.every((word, i) =>
      // Endings vary only on the last word of a phrase ("24 години", "24 годин").
      i === length - 1 ? sameStem(word, keys[at + i] ?? '') : word === keys[at + i],
    );
    if (matches) best = { length, group };
  }
  const group = best && synonyms.groups[best.group];
  return best && group ? { from: at, to: at + best.length, group } : undefined;
}

/** sameStem needs 5 letters and 4 in common at the start. */
const MIN_STEM = 5;
const STEM_START = 4;

/** A phrase's words, and the position of its group (the earlier group wins a tie). */
export interface FiledPhrase {
  key: readonly string[];
  group: number;
}

export interface PhraseIndex {
  /** Each phrase under its first word, which a query word must equal (or share a stem with, as
   * the last word of a one-word phrase; an equal word is filed here too). */
  byFirstWord: ReadonlyMap<string, readonly FiledPhrase[]>;
  /** One-word phrases long enough to take another ending, under their first four letters. */
  byStem: ReadonlyMap<string, readonly FiledPhrase[]>;
}

function buildPhraseIndex(groups: readonly SynonymGroup[]): PhraseIndex {
  const byFirstWord = new Map<string, FiledPhrase[]>();
  const byStem = new Map<string, FiledPhrase[]>();
  const file = (map: Map<string, FiledPhrase[]>, word: string, entry: FiledPhrase) => {
    const list = map.get(word) ?? [];
    list.push(entry);
    map.set(word, list);
  };
  groups.forEach((group, g) => {
    for (const key of group.keys) {
      const first = key[0];
      if (first === undefined) continue;
      file(byFirstWord, first, { key, group: g });
      if (key.length === 1 && first.length >= MIN_STEM) {
        file(byStem, first.slice(0, STEM_START), { key, group: g });
      }
    }
  });
  return { byFirstWord, byStem };
}
