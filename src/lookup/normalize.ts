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
  return normalizeText(text.slice(0, MAX_QUERY_LENGTH * 2)).slice(0, MAX_QUERY_LENGTH);
}

/** normalizeName without the length cut, for our own long texts (quotes) that a topic is sought in. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(NOT_WORDLIKE, ' ')
    .trim();
}

// Letters that look the same in both scripts in lower or upper case (В/B, Н/H, Т/T), lower-cased.
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  i: 'і',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Mixed-script words come from keyboards switched mid-word ("Нiмеччина" with a Latin i): each word
 * that mixes Latin and Cyrillic takes the script most of its other letters are in. Expects the
 * output of normalizeName; words in one script are left alone.
 */
export function foldLookalikes(normalized: string): string {
  return normalized
    .split(' ')
    .map((word) => {
      if (!LATIN.test(word) || !CYRILLIC.test(word)) return word;
      let latin = 0;
      let cyrillic = 0;
      for (const char of word) {
        if (char in LATIN_TO_CYRILLIC || char in CYRILLIC_TO_LATIN) continue;
        if (LATIN.test(char)) latin += 1;
        else if (CYRILLIC.test(char)) cyrillic += 1;
      }
      if (latin === cyrillic) return word;
      const map = cyrillic > latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
      return Array.from(word, (char) => map[char] ?? char).join('');
    })
    .join(' ');
}

/**
 * What lookup compares: normalizeName, then lookalike letters folded. loadData checks that names
 * are unique in this same form, so no two partners or people can be one name to the lookup.
 */
export function lookupForm(text: string): string {
  return foldLookalikes(normalizeName(text));
}
