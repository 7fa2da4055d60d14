import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propertyRuns } from '../helpers/property-runs.js';
import {
  findSynonyms,
  loadSynonyms,
  sameStem,
  type SynonymMatch,
  type Synonyms,
} from '../../src/search/synonyms.js';
import { testData } from '../helpers/context.js';

/** What findSynonyms answered when it tried every group at every length: the reference. */
function tryEveryGroup(keys: readonly string[], synonyms: Synonyms): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  let at = 0;
  while (at < keys.length) {
    let found: SynonymMatch | undefined;
    for (let length = Math.min(synonyms.longest, keys.length - at); length > 0; length -= 1) {
      const run = keys.slice(at, at + length);
      const group = synonyms.groups.find((g) =>
        g.keys.some(
          (key) =>
            key.length === length &&
            key.every((word, i) =>
              i === length - 1 ? sameStem(word, run[i] ?? '') : word === run[i],
            ),
        ),
      );
      if (group) {
        found = { from: at, to: at + length, group };
        break;
      }
    }
    if (found) {
      matches.push(found);
      at = found.to;
    } else {
      at += 1;
    }
  }
  return matches;
}

const summary = (matches: SynonymMatch[]) => matches.map((m) => [m.from, m.to, m.group.id]);

describe('GIVEN the synonyms and the names from the data', () => {
  // The index's synonyms hold the partners' and people's names too: many groups, long phrases.
  const synonyms = testData().indexes.search.synonyms;
  const words = [...new Set(synonyms.groups.flatMap((g) => g.keys.flat()))];
  // A word as written, with another ending, cut short, or one that is no synonym at all.
  const word = fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(...words).map((w) => `${w.slice(0, -1)}и`),
    fc.constantFrom(...words).map((w) => w.slice(0, 4)),
    fc.constantFrom('ukraine', 'support', 'україна', 'of', '2024'),
  );

  test('WHEN a query is looked up THEN the same phrases as trying every group at every length', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (keys) => {
        expect(summary(findSynonyms(keys, synonyms))).toEqual(
          summary(tryEveryGroup(keys, synonyms)),
        );
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  test.each([
    [['24', 'годин'], [[0, 2, '24-hours']]], // another ending of the last word
    [['air', 'defence', 'romania'], [[0, 2, 'air-defence']]],
    [['гарантій'], [[0, 1, 'guarantees']]],
    [['24'], []], // a phrase's first word alone is no phrase
  ])('WHEN the words are %j THEN the phrases %j', (keys, expected) => {
    expect(summary(findSynonyms(keys, loadSynonyms()))).toEqual(expected);
  });
});
