import { describe, expect, test } from 'vitest';
import { stringsFor } from '../../src/i18n/index.js';
import { periodText } from '../../src/render/agreement.js';

describe('periodText', () => {
  test.each([
    ['2024-2027 (annual)', 'en', '2024–2027 (annual)'],
    ['2024-2027 (annual)', 'uk', '2024–2027 (щороку)'],
    ['annual', 'en', 'annual'],
    ['annual', 'uk', 'щороку'],
    ['2023-2028', 'uk', '2023–2028'],
    ['2024/25', 'uk', '2024/25'],
  ])('GIVEN the period "%s" in %s THEN it reads "%s"', (period, locale, shown) => {
    expect(periodText(period, stringsFor(locale))).toBe(shown);
  });
});
