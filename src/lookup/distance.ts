export interface EditDistance {
  /** Edits between the query and the whole name. */
  whole: number;
  /** Edits between the query and the closest start of the name: "Germn" is 1 from "Germa…". */
  bestPrefix: number;
}

/**
 * Optimal-string-alignment Damerau-Levenshtein over code points: insertions, deletions,
 * substitutions and swaps of two neighbours each cost one ("Frnace" → "France" is 1).
 */
export function damerauLevenshtein(
  query: readonly string[],
  name: readonly string[],
  /**
   * Past this many edits the exact count does not matter: the caller only asks "within
   * reach?". A row's minimum never falls in later rows, so once it passes the limit the answer is
   * "more than `limit`" (reported as limit + 1) and the rest of the matrix is skipped.
   */
  limit = Infinity,
): EditDistance {
  const columns = name.length + 1;
  let beforePrevious = new Int32Array(columns);
  let previous = Int32Array.from({ length: columns }, (_, j) => j);
  let current = new Int32Array(columns);
  for (let i = 1; i <= query.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < columns; j += 1) {
      const cost = query[i - 1] === name[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && query[i - 1] === name[j - 2] && query[i - 2] === name[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return { whole: limit + 1, bestPrefix: limit + 1 };
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return { whole: previous[columns - 1] ?? 0, bestPrefix: Math.min(...previous) };
}
