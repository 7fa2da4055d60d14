import { describe, expect, test } from 'vitest';
import { clampAlt } from '../../../src/render/pictures/picture.js';

const ALT_TEXT_MAX = 1024;

describe('clampAlt', () => {
  test('GIVEN alt text within Discord’s 1,024 characters THEN it is kept whole', () => {
    const alt = 'a'.repeat(ALT_TEXT_MAX);
    expect(clampAlt(alt)).toBe(alt);
  });

  test('GIVEN a flag emoji across the cut THEN no half of a surrogate pair is left', () => {
    // 1,022 letters, then 🇺🇦 (four UTF-16 units): the cut falls inside the flag.
    const clamped = clampAlt(`${'a'.repeat(ALT_TEXT_MAX - 2)}🇺🇦 and more`);
    expect(clamped.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(clamped.endsWith('…')).toBe(true);
    expect(clamped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
