import { describe, expect, test } from 'vitest';
import { damerauLevenshtein } from '../../src/lookup/distance.js';
import {
  foldLookalikes,
  lookupForm,
  MAX_QUERY_LENGTH,
  normalizeName,
  normalizeText,
} from '../../src/lookup/normalize.js';

describe('normalizeName', () => {
  test.each([
    ['Česko', 'cesko'],
    [' CZECHIA. ', 'czechia'],
    ['Ger\u200bmany', 'germany'],
    ['🇩🇪 Germany', 'germany'],
    ['Україна', 'украіна'],
    ['U.S.A.', 'u s a'],
  ])('GIVEN %j WHEN normalised THEN it is %j', (text, expected) => {
    expect(normalizeName(text)).toBe(expected);
  });

  test('GIVEN 6000 characters WHEN normalised THEN at most MAX_QUERY_LENGTH remain', () => {
    expect(normalizeName('ab '.repeat(2000)).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });

  test('GIVEN a long text WHEN normalizeText folds it THEN nothing is cut', () => {
    expect(normalizeText('Éé '.repeat(200))).toBe(Array(200).fill('ee').join(' '));
  });
});

describe('foldLookalikes', () => {
  test.each([
    ['нiмеччина', 'німеччина'],
    ['nетherlands', 'netherlands'],
    ['germany', 'germany'],
    ['німеччина', 'німеччина'],
    ['чi germany', 'чі germany'],
    ['нi', 'нi'],
  ])('GIVEN %j WHEN folded THEN it is %j', (text, expected) => {
    expect(foldLookalikes(text)).toBe(expected);
  });

  test('GIVEN a Latin i in a Cyrillic name WHEN put in lookup form THEN it equals the clean name', () => {
    expect(lookupForm('Нiмеччина')).toBe(lookupForm('Німеччина'));
  });
});

describe('damerauLevenshtein', () => {
  const distance = (a: string, b: string) => damerauLevenshtein(Array.from(a), Array.from(b));
  test.each([
    ['france', 'france', 0, 0],
    ['frnace', 'france', 1, 1],
    ['germny', 'germany', 1, 1],
    ['germ', 'germany', 3, 0],
    ['germn', 'germany', 2, 1],
    ['', 'abc', 3, 0],
    ['abc', '', 3, 3],
  ])('GIVEN %j and %j WHEN compared THEN whole is %i and best prefix %i', (a, b, whole, prefix) => {
    expect(distance(a, b)).toEqual({ whole, bestPrefix: prefix });
  });
});
