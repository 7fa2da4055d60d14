import { describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { missingRequired, parseCommandLine } from '../../src/preview/parse.js';

describe('parseCommandLine', () => {
  test.each([
    ['/agreement partner:Germany', { partner: 'Germany' }],
    ['/agreement partner:United Kingdom', { partner: 'United Kingdom' }],
    ['/agreement   partner:  Czech Republic  ', { partner: 'Czech Republic' }],
    ['/agreement partner:a:b c', { partner: 'a:b c' }],
    [
      '/quote speaker:Jamie Shea topic:NATO membership',
      { speaker: 'Jamie Shea', topic: 'NATO membership' },
    ],
    ['/quote topic:x speaker:shea', { topic: 'x', speaker: 'shea' }],
    ['/agreements order:name', { order: 'name' }],
    ['/timeline', {}],
  ])('GIVEN %s THEN the options are %j', (line, options) => {
    const result = parseCommandLine(line, commands);
    expect(result.ok && result.line.options).toEqual(options);
  });

  test.each([
    ['agreement partner:Germany', /starts with \//],
    ['/nope', /Unknown command \/nope/],
    ['/agreement country:Germany', /Unknown option country/],
    ['/agreements order:random', /choose one of: date, name/],
    ['/agreement Germany', /Expected name:value/],
  ])('GIVEN %s THEN a clear error', (line, error) => {
    const result = parseCommandLine(line, commands);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  test('GIVEN a value that mentions another option name without a colon THEN it stays whole', () => {
    const result = parseCommandLine('/quote topic:speaker of the house', commands);
    expect(result.ok && result.line.options).toEqual({ topic: 'speaker of the house' });
  });

  test('GIVEN a partial last option THEN it is the one autocomplete sees', () => {
    const result = parseCommandLine('/agreement partner:ger', commands);
    expect(result.ok && result.line.last).toEqual({ name: 'partner', value: 'ger' });
    const empty = parseCommandLine('/agreement partner:', commands);
    expect(empty.ok && empty.line.last).toEqual({ name: 'partner', value: '' });
  });

  test('GIVEN a required option left out THEN it is reported missing', () => {
    const result = parseCommandLine('/agreement', commands);
    expect(result.ok && missingRequired(result.line)).toEqual(['partner']);
  });
});
