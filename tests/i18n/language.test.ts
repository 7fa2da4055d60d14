import { describe, expect, test } from 'vitest';
import { languageOf, pick, readsTranslation, type Language } from '../../src/i18n/index.js';

describe('languageOf', () => {
  test.each([
    ['uk', 'uk'],
    ['uk-UA', 'uk'],
    ['UK', 'uk'],
    ['en-US', 'en'],
    ['ukr', 'en'],
    [null, 'en'],
  ] as const)('GIVEN the locale %s THEN %s', (locale, expected) => {
    expect(languageOf(locale)).toBe(expected);
  });
});

describe('pick', () => {
  test.each([
    ['en', { en: 'Berlin', uk: 'Берлін' }, 'Berlin'],
    ['uk', { en: 'Berlin', uk: 'Берлін' }, 'Берлін'],
    ['uk', { en: 'Berlin', uk: null }, 'Berlin'],
  ] as const)('GIVEN %s and %j THEN %s', (language, localized, expected) => {
    expect(pick(localized, language)).toBe(expected);
  });
});

describe('readsTranslation', () => {
  const ours = { ukIsTranslation: true };
  const theirs = { ukIsTranslation: false };
  test.each<[Language, { ukIsTranslation: boolean }[], boolean]>([
    ['uk', [theirs, ours], true],
    ['uk', [theirs], false],
    ['uk', [], false],
    // An English reader reads the original, whatever the Ukrainian is.
    ['en', [ours], false],
  ])('GIVEN a %s reader and texts %j THEN %s', (language, texts, expected) => {
    expect(readsTranslation(language, texts)).toBe(expected);
  });
});
