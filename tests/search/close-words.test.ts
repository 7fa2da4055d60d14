import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propertyRuns } from '../helpers/property-runs.js';
import { damerauLevenshtein } from '../../src/lookup/distance.js';
import { buildCloseWordIndex, wordsWithin } from '../../src/search/close-words.js';

/** The answer a scan of every word gives: what wordsWithin must match, faster. */
function scanAll(words: readonly string[], term: string, limit: number): [string, number][] {
  return words.flatMap((word): [string, number][] => {
    if (word === term || Math.abs(word.length - term.length) > limit) return [];
    const distance = damerauLevenshtein(Array.from(term), Array.from(word)).whole;
    return distance <= limit ? [[word, distance]] : [];
  });
}

function found(words: readonly string[], term: string, limit: number): [string, number][] {
  const index = buildCloseWordIndex(words, (word) => word);
  return wordsWithin(index, term, limit).map(({ candidate, distance }) => [
    candidate.term,
    distance,
  ]);
}

// Few letters, so that random words are often close to each other; both scripts.
const letters = fc.constantFrom(...'abrtsаіоргдпя'.split('')); // п takes the top bit
const word = fc.array(letters, { minLength: 0, maxLength: 9 }).map((chars) => chars.join(''));

describe('GIVEN the words of an index grouped by length for "did you mean"', () => {
  test('WHEN a word is looked up THEN the same words, distances and order as a scan of them all', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 40 }),
        word,
        fc.integer({ min: 1, max: 3 }),
        (words, term, limit) => {
          expect(found(words, term, limit)).toEqual(scanAll(words, term, limit));
        },
      ),
      { numRuns: propertyRuns(400) },
    );
  });

  test.each([
    ['artlery', ['artillery', 'artist', 'battery'], 2, [['artillery', 2]]],
    [
      'Frnace',
      ['France', 'Finance', 'fence'],
      2,
      [
        ['France', 1],
        ['Finance', 2],
      ],
    ],
    ['ппо', ['ппо', 'ппр'], 1, [['ппр', 1]]], // the word itself is known: not offered back
  ])('WHEN %j is looked up THEN %j within %i edits gives %j', (term, words, limit, expected) => {
    expect(found(words, term, limit)).toEqual(expected);
  });

  test('WHEN a candidate is left out by the caller THEN it is not offered', () => {
    const index = buildCloseWordIndex(['grant', 'grand'], (w) => w);
    const near = wordsWithin(index, 'granx', 1, (candidate) => candidate.term !== 'grant');
    expect(near.map(({ candidate }) => candidate.term)).toEqual(['grand']);
  });
});
