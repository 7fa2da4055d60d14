import type { Dataset } from '../data/load.js';
import type { Quote } from '../data/schema.js';
import { search } from './index.js';

export type QuoteTopicMatch =
  { kind: 'quotes'; quotes: Quote[] } | { kind: 'none'; closeTerms: string[] };

/**
 * The quotes (of one speaker, by id, or of all) whose words are about a topic: what the person
 * said, never the context (every DW context names the article "…until Ukraine joins NATO").
 * Every word of the topic must match, each as typed, by a synonym in either language
 * ("гарантії" finds "guarantees"), as the start of a word, or with a typo in a longer one.
 * A topic with no letters or digits filters nothing.
 */
export function findQuotesAbout(
  data: Dataset,
  filter: { speakerId?: string | undefined; topic?: string | undefined },
): QuoteTopicMatch {
  const pool =
    filter.speakerId === undefined
      ? data.quotes
      : (data.quotesBySpeaker.get(filter.speakerId) ?? []);
  if (filter.topic === undefined) return { kind: 'quotes', quotes: [...pool] };
  const outcome = search(data.indexes.search, {
    query: filter.topic,
    type: 'quote',
    fields: ['said'],
    requireAll: true,
    speakerId: filter.speakerId,
  });
  switch (outcome.kind) {
    case 'empty':
      return { kind: 'quotes', quotes: [...pool] };
    case 'no-match':
      return { kind: 'none', closeTerms: outcome.closeTerms };
    case 'found':
      return {
        kind: 'quotes',
        quotes: outcome.hits.flatMap((hit) =>
          hit.record.type === 'quote' ? [hit.record.quote] : [],
        ),
      };
  }
}
