import { foldLookalikes } from '../lookup/normalize.js';

/**
 * How text becomes search terms, the same for the index, the query and the highlighting, so a
 * word marked in a reply is exactly a word that matched.
 */

/** A word, with its inner hyphens, dots and apostrophes: "F-16", "24-hour", "long-range", "Ukraine's". */
const COMPOUND = /[\p{L}\p{N}]+(?:['’.\-‐‑–][\p{L}\p{N}]+)*/gu;
const PIECE = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}/gu;

/** One word of a text, where it sits, and the terms it stands for. */
export interface Word {
  start: number;
  end: number;
  /** The compound's pieces as terms ("f", "16"), then the pieces run together ("f16") if several. */
  terms: string[];
}

/**
 * A term: case, diacritics and keyboard lookalikes folded (ї → і, й → и, a Latin "i" inside a
 * Cyrillic word), as the partner lookup compares names, so "Нiмеччина" finds "Німеччина".
 */
export function termForm(raw: string): string {
  let term = forms.get(raw);
  if (term === undefined) {
    term = foldLookalikes(raw.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase());
    // The data has a few thousand distinct words; queries add more, so the memo is bounded.
    if (forms.size >= MAX_FORMS) forms.clear();
    forms.set(raw, term);
  }
  return term;
}

/** Folding costs a normalisation and two script tests a word: each word is folded once. */
const forms = new Map<string, string>();
const MAX_FORMS = 20_000;

/** The words of a text with their terms. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(COMPOUND)) {
    const pieces = (match[0].match(PIECE) ?? []).map(termForm).filter(Boolean);
    if (pieces.length === 0) continue;
    // "F-16" is also typed "F16", "24-hour" as "24hour": the joined form is a term of its own.
    const terms = pieces.length > 1 ? [...pieces, pieces.join('')] : pieces;
    // Possessive "Ukraine's" should find "Ukraine": the lone "s" piece is noise.
    const kept = terms.filter((term, i) => !(i > 0 && i < pieces.length && term === 's'));
    words.push({ start: match.index, end: match.index + match[0].length, terms: kept });
  }
  return words;
}

/** The terms of a text, in order, for the index's tokenizer. */
export function tokenize(text: string): string[] {
  return wordsOf(text).flatMap((word) => word.terms);
}

/**
 * tokenize for queries: MiniSearch tokenizes every word and synonym of a query again in each
 * pass (exact, then with typos, then any word), and the synonyms recur across queries. The terms
 * of a text never change, so each text is tokenized once; the memo is bounded like termForm's.
 * The arrays are shared: callers must not change them (MiniSearch copies them with flatMap).
 */
export function tokenizeQuery(text: string): string[] {
  let terms = queryTerms.get(text);
  if (terms === undefined) {
    terms = tokenize(text);
    if (queryTerms.size >= MAX_QUERY_TEXTS) queryTerms.clear();
    queryTerms.set(text, terms);
  }
  return terms;
}

const queryTerms = new Map<string, string[]>();
const MAX_QUERY_TEXTS = 5_000;

/** Each word as one key, its pieces run together: how phrases are compared with the synonyms. */
export function phraseKeys(text: string): string[] {
  return wordsOf(text).map((word) => word.terms.at(-1) ?? '');
}
