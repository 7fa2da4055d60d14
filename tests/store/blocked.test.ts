import { describe, expect, test } from 'vitest';
import { blockedReason, stringsFor } from '../../src/i18n/index.js';
import { blockedSchema } from '../../src/store/domain.js';

const SINCE = '2026-12-02T09:00:00.000Z';

describe('a blocked schedule as stored', () => {
  test.each([
    [
      'an old row, with English prose',
      { reason: 'the channel was deleted', code: 10003, since: SINCE },
    ],
    [
      'an old row that was not a Discord error',
      { reason: 'network error', code: null, since: SINCE },
    ],
    ['a row with the code alone', { code: 50013, since: SINCE }],
  ])('GIVEN %s WHEN decoded THEN it reads as stored', (_, row) => {
    expect(blockedSchema.parse(row)).toEqual(row);
  });

  test('GIVEN a row with neither code nor reason key WHEN decoded THEN it is refused', () => {
    expect(blockedSchema.safeParse({ since: SINCE }).success).toBe(false);
  });
});

describe('blockedReason', () => {
  test.each([
    [10003, 'en', 'the channel was deleted'],
    [10003, 'uk', 'канал видалено'],
    [50013, 'uk', 'ботові бракує потрібного дозволу в каналі'],
    ['50001', 'en', 'the bot can no longer see the channel'],
  ] as const)('GIVEN code %s in %s THEN it is worded by i18n', (code, locale, expected) => {
    expect(blockedReason(code, stringsFor(locale).schedule)).toBe(expected);
  });

  test.each([[null], [40005]])('GIVEN code %s THEN there are no words for it', (code) => {
    expect(blockedReason(code, stringsFor('en').schedule)).toBeUndefined();
  });
});
