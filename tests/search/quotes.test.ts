import { describe, expect, test } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import { findQuotesAbout } from '../../src/search/quotes.js';
import { input, testContext, testData } from '../helpers/context.js';

const data = testData();
const quote = findCommand('quote')!;

function idsAbout(topic: string, speakerId?: string): string[] {
  const found = findQuotesAbout(data, { topic, speakerId });
  return found.kind === 'quotes' ? found.quotes.map((q) => q.id).sort() : [];
}

describe('GIVEN /quote topic: over what the person said', () => {
  test('WHEN the topic is NATO THEN only quotes whose own words say NATO, not every quote whose context does', () => {
    const ids = idsAbout('NATO');
    expect(ids.length).toBeLessThan(data.quotes.length);
    expect(data.quotes.filter((q) => /NATO/.test(q.context)).length).toBeGreaterThan(ids.length);
    for (const id of ids)
      expect(data.quotes.find((q) => q.id === id)!.text).toMatch(/NATO|North Atlantic|Alliance/i);
  });

  test.each([
    ['guarantees', ['jamie-shea-4', 'jamie-shea-5']],
    ['гарантії', ['jamie-shea-4', 'jamie-shea-5']],
    ['guarante', ['jamie-shea-4', 'jamie-shea-5']],
    ['Poland', ['donald-tusk-1']],
    ['Польща', ['donald-tusk-1']],
  ])('WHEN the topic is %j THEN the quotes about it: %j', (topic, expected) => {
    expect(idsAbout(topic)).toEqual(expected);
  });

  test('WHEN a topic has no letters or digits THEN it filters nothing', () => {
    expect(idsAbout('—!').length).toBe(data.quotes.length);
  });

  test('WHEN Shea is asked about Poland THEN it says none of HIS quotes mention it (others do)', async () => {
    expect(idsAbout('Poland', 'jamie-shea')).toEqual([]);
    const body = await quote.respond(input({ speaker: 'Shea', topic: 'Poland' }), testContext());
    expect(body.flags).toBe(64);
    expect(body.content).toContain('None of Jamie Shea’s quotes mention “Poland”.');
    const uk = await quote.respond(
      input({ speaker: 'Shea', topic: 'Poland' }, { locale: 'uk' }),
      testContext(),
    );
    expect(uk.content).toContain('Джеймі Ші: жодна з цитат не згадує «Poland».');
  });

  test('WHEN nobody said it THEN the answer is about all quotes', async () => {
    const body = await quote.respond(input({ topic: 'submarines' }), testContext());
    expect(body.content).toContain('No quote mentions “submarines”.');
  });

  test('WHEN a speaker said it THEN their quote, not another’s', async () => {
    const body = await quote.respond(input({ speaker: 'Shea', topic: 'гарантії' }), testContext());
    expect(body.embeds?.[0]?.author?.name).toMatch(/^Jamie Shea/);
    expect(body.embeds?.[0]?.description).toMatch(/guarantee/);
  });
});
