import { describe, expect, test } from 'vitest';
import { attrs, escapeXml, num, text } from '../../../src/render/pictures/svg.js';
import { textWidth } from '../../../src/render/pictures/text-width.js';

describe('escapeXml', () => {
  test.each([
    ['Bosnia & Herzegovina', 'Bosnia &amp; Herzegovina'],
    ['<script>', '&lt;script&gt;'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &apos;single&apos;'],
  ])('GIVEN %s WHEN escaped THEN it is %s', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  test('GIVEN text with markup WHEN drawn THEN no raw tag reaches the SVG', () => {
    expect(text(0, 0, '</text><script>', { size: 10, fill: '#000' })).not.toContain('<script>');
    expect(attrs({ title: 'a"b' })).toBe('title="a&quot;b"');
  });
});

describe('num', () => {
  test.each([
    [1.2345, '1.2'],
    [-0.04, '0'],
    [100, '100'],
  ])('GIVEN %d WHEN written THEN it is %s', (value, expected) => {
    expect(num(value)).toBe(expected);
  });
});

describe('textWidth', () => {
  test('GIVEN bold and regular WHEN measured THEN bold is wider and both grow with size', () => {
    expect(textWidth('Germany', 20, true)).toBeGreaterThan(textWidth('Germany', 20));
    expect(textWidth('Germany', 40)).toBeCloseTo(2 * textWidth('Germany', 20));
  });
});
