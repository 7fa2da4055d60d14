import { describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { missingRequired, parseCommandLine, previewIdFor } from '../../src/preview/parse.js';

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

  test.each([
    ['/schedule set digest_day:Friday', { digest_day: '5' }],
    ['/schedule set digest_day:friday', { digest_day: '5' }],
    ['/schedule set digest_day:5', { digest_day: '5' }],
    ['/schedule set prompts:Daily', { prompts: 'daily' }],
    ['/schedule set prompts:weekly', { prompts: 'weekly' }],
    ['/agreements order:By partner name', { order: 'name' }],
  ])(
    'GIVEN a choice by its name or its value (%s) THEN the value Discord would send',
    (line, options) => {
      const result = parseCommandLine(line, commands);
      expect(result.ok && result.line.options).toEqual(options);
    },
  );

  test.each([
    ['channel:#agreements', 'channel', previewIdFor('agreements')],
    ['channel:<#123456789012345678>', 'channel', '123456789012345678'],
    ['channel:123456789012345678', 'channel', '123456789012345678'],
  ])('GIVEN %s THEN the channel id Discord would send', (option, name, id) => {
    const result = parseCommandLine(`/schedule setup ${option} time:09:00 timezone:UTC`, commands);
    expect(result.ok && result.line.options[name]).toBe(id);
    expect(id).toMatch(/^\d{17,20}$/);
  });

  test('GIVEN a role by name THEN a snowflake, and the name kept for showing', () => {
    const result = parseCommandLine('/schedule set ping_role:@pacts', commands);
    expect(result.ok && result.line.options['ping_role']).toBe(previewIdFor('pacts'));
    expect(result.ok && result.line.mentions.get(previewIdFor('pacts'))).toBe('pacts');
  });

  test.each([
    [
      '/schedule setup channel:123 time:09:00 timezone:UTC',
      /channel does not take "123" \(a channel/,
    ],
    ['/schedule set ping_role:<@&12>', /ping_role does not take .*\(a role/],
    ['/schedule set digest_day:Funday', /choose one of: 1, 2, .*; or by name: Monday/],
  ])('GIVEN %s THEN refused, saying what it takes', (line, message) => {
    const result = parseCommandLine(line, commands);
    expect(!result.ok && result.error).toMatch(message);
  });

  test('GIVEN the same name twice THEN the same id; another name THEN another', () => {
    expect(previewIdFor('agreements')).toBe(previewIdFor('Agreements'));
    expect(previewIdFor('agreements')).not.toBe(previewIdFor('general'));
  });
});
