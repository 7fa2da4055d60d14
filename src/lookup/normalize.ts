/** The most of a user's text we look at: longer input is cut, never rejected. */
export const MAX_QUERY_LENGTH = 100;

const COMBINING_MARKS = /\p{M}/gu;
// Controls, zero-width and bidirectional formatting characters change nothing a reader sees.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const NOT_WORDLIKE = /[^\p{L}\p{N}]+/gu;

/**
 * Folds what people type to one comparable form: case, diacritics, punctuation, spacing.
 * "Česko", "CZECHIA " and "czechia." compare alike. Cyrillic stays Cyrillic; its marks fold as Latin's
 * do (ї → і, й → и), on both sides of a comparison. Symbols go, flag emoji included: read flags first.
 */
export function normalizeName(text: string): string {
  return text
    .slice(0, MAX_QUERY_LENGTH * 2)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(NOT_WORDLIKE, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}
