/**
 * "Did you mean": the index's words within a few edits of a word that found nothing. A no-match
 * reply used to measure the edit distance to every word of the index, allocating as it went;
 * the words are grouped by length here once, so a word is compared only with words it could be
 * close to, and each comparison stops as soon as it cannot come within reach.
 */

/** A word of the index as code points, beside what the caller keeps with it. */
export interface CloseCandidate<T> {
  term: string;
  /** Where it stood in the entries the index was built from. */
  position: number;
  codes: Int32Array;
  /** Which letters it holds, folded to 32 bits (see letterBits). */
  letters: number;
  value: T;
}

export interface CloseWordIndex<T> {
  /** The candidates by length (in UTF-16 units, as `string.length` counts, so the prefilter is
   * the one it always was). */
  byLength: ReadonlyMap<number, readonly CloseCandidate<T>[]>;
}

export function codePoints(text: string): Int32Array {
  const codes = new Int32Array(text.length);
  let length = 0;
  for (const char of text) codes[length++] = char.codePointAt(0) ?? 0;
  return codes.subarray(0, length);
}

export function buildCloseWordIndex<T>(
  entries: readonly T[],
  termOf: (entry: T) => string,
): CloseWordIndex<T> {
  const byLength = new Map<number, CloseCandidate<T>[]>();
  entries.forEach((value, position) => {
    const term = termOf(value);
    const codes = codePoints(term);
    const bucket = byLength.get(term.length) ?? [];
    bucket.push({ term, position, codes, letters: letterBits(codes), value });
    byLength.set(term.length, bucket);
  });
  return { byLength };
}

/**
 * The candidates within `limit` edits of `term` (optimal string alignment: insertions, deletions,
 * substitutions, swaps of neighbours), with their distance; the word itself is left out. In the
 * order of the entries, as a scan of them all would find them.
 */
export function wordsWithin<T>(
  index: CloseWordIndex<T>,
  term: string,
  limit: number,
  keep: (candidate: CloseCandidate<T>) => boolean = () => true,
): { candidate: CloseCandidate<T>; distance: number }[] {
  const query = codePoints(term);
  const letters = letterBits(query);
  const found: { candidate: CloseCandidate<T>; distance: number }[] = [];
  // A word more than `limit` letters longer or shorter is more than `limit` edits away.
  const rows = new DistanceRows(term.length + limit + 1);
  for (let length = term.length - limit; length <= term.length + limit; length += 1) {
    for (const candidate of index.byLength.get(length) ?? []) {
      if (candidate.term === term || !keep(candidate)) continue;
      // Each letter one word has and the other lacks takes an edit of its own: too many such
      // letters, and the word is out of reach without filling a matrix.
      if (bitCount(letters & ~candidate.letters) > limit) continue;
      if (bitCount(candidate.letters & ~letters) > limit) continue;
      const distance = rows.within(query, candidate.codes, limit);
      if (distance <= limit) found.push({ candidate, distance });
    }
  }
  return found.sort((a, b) => a.candidate.position - b.candidate.position);
}

/**
 * A word's letters as bits, a letter's code point modulo 32: a-z take bits of their own, as do
 * а-я (U+0430-U+044F), so two words of one script differ in bits as they differ in letters. Two
 * letters may share a bit, which only makes the words look closer than they are, never further:
 * a distinct bit one word has and the other lacks is a letter the other lacks.
 */
function letterBits(codes: Int32Array): number {
  let bits = 0;
  for (const code of codes) bits |= 1 << (code & 31);
  return bits;
}

function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Three reusable rows of the distance matrix: one allocation per lookup, not per word. */
class DistanceRows {
  private beforePrevious: Int32Array;
  private previous: Int32Array;
  private current: Int32Array;

  constructor(columns: number) {
    this.beforePrevious = new Int32Array(columns);
    this.previous = new Int32Array(columns);
    this.current = new Int32Array(columns);
  }

  /** The distance of a and b if it is at most `limit`, otherwise some number above it. */
  within(a: Int32Array, b: Int32Array, limit: number): number {
    const columns = b.length + 1;
    let beforePrevious = this.beforePrevious;
    let previous = this.previous;
    let current = this.current;
    for (let j = 0; j < columns; j += 1) previous[j] = j;
    for (let i = 1; i <= a.length; i += 1) {
      current[0] = i;
      let rowMin = i;
      const ai = a[i - 1]!;
      for (let j = 1; j < columns; j += 1) {
        const bj = b[j - 1]!;
        let value = Math.min(
          previous[j]! + 1,
          current[j - 1]! + 1,
          previous[j - 1]! + (ai === bj ? 0 : 1),
        );
        if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj) {
          value = Math.min(value, beforePrevious[j - 2]! + 1);
        }
        current[j] = value;
        if (value < rowMin) rowMin = value;
      }
      // A row's minimum never falls in later rows: past the limit, the rest cannot come back.
      if (rowMin > limit) return limit + 1;
      [beforePrevious, previous, current] = [previous, current, beforePrevious];
    }
    return previous[columns - 1]!;
  }
}
