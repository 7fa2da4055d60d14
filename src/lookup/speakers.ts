import type { Choice } from '../commands/types.js';
import type { Dataset } from '../data/load.js';
import type { Person, Quote } from '../data/schema.js';
import { LIMITS } from '../render/limits.js';
import { languageOf, pick, stringsFor, type Language } from '../i18n/index.js';
import { ukrainianPlural } from '../i18n/plural.js';
import { truncate } from '../render/fit.js';
import { personRole } from '../render/quote.js';
import { choice } from './choices.js';
import { buildIndex, rankByName, resolveByName, type NameIndex, type NameSpec } from './match.js';
import { foldLookalikes, lookupForm, MAX_QUERY_LENGTH, normalizeText } from './normalize.js';

export type SpeakerMatch =
  | { kind: 'found'; person: Person }
  | { kind: 'ambiguous'; candidates: Person[] }
  | { kind: 'not-found'; suggestions: Person[] };

/** The index of people's names, which loadData builds once as `data.indexes.speakers`. */
export function buildSpeakerIndex(people: readonly Person[]): NameIndex<Person> {
  return buildIndex(people, speakerNames);
}

function speakerNames(person: Person): NameSpec[] {
  const strong = (text: string | null, priority: number): NameSpec[] =>
    text === null ? [] : [{ text: lookupForm(text), strength: 'strong', priority }];
  return [
    ...strong(person.name.en, 0),
    ...strong(person.name.uk, 0),
    ...person.aliases.flatMap((alias) => strong(alias, 1)),
    ...strong(person.id, 2),
  ];
}

/** The person a user means: an id (what autocomplete sends), a name, an alias, or a near miss. */
export function resolveSpeaker(query: string, data: Dataset): SpeakerMatch {
  const text = query.slice(0, MAX_QUERY_LENGTH * 2);
  const exactId = data.personById.get(text.trim().toLowerCase());
  if (exactId) return { kind: 'found', person: exactId };
  const resolution = resolveByName(data.indexes.speakers, lookupForm(text));
  switch (resolution.kind) {
    case 'found':
      return { kind: 'found', person: resolution.item };
    case 'ambiguous':
      return resolution;
    case 'not-found':
      return resolution;
  }
}

/**
 * Autocomplete choices for a speaker, best first; only people we hold quotes of. Empty input lists
 * the most quoted first. Values are person ids.
 */
export function suggestSpeakers(query: string, data: Dataset, locale: string): Choice[] {
  const text = query.slice(0, MAX_QUERY_LENGTH * 2);
  const normalized = lookupForm(text);
  const count = (person: Person) => data.quotesBySpeaker.get(person.id)?.length ?? 0;
  const exactId = data.personById.get(text.trim().toLowerCase());
  const ranked =
    normalized === ''
      ? [...data.people].sort((a, b) => count(b) - count(a) || a.name.en.localeCompare(b.name.en))
      : [
          ...(exactId ? [exactId] : []),
          ...rankByName(data.indexes.speakers, normalized).map((r) => r.item),
        ];
  return [...new Set(ranked)]
    .filter((person) => count(person) > 0)
    .slice(0, LIMITS.autocompleteChoices)
    .map((person) => choice(speakerChoiceName(person, count(person), locale), person.id));
}

/** "Jamie Shea — Friends of Europe (5 quotes)": the organisation is cut first, the count kept. */
export function speakerChoiceName(person: Person, quoteCount: number, locale: string): string {
  const language = languageOf(locale);
  const name = pick(person.name, language);
  // "Friends of Europe (Brussels-based think tank)": the explanation does not fit a menu line.
  const organisation = personRole(person, stringsFor(locale)).organisation.replace(
    /\s*\([^()]*\)\s*$/,
    '',
  );
  const head = `${name} — `;
  const tail = ` (${QUOTE_COUNT[language](quoteCount)})`;
  const room = LIMITS.choiceName - head.length - tail.length;
  if (room < 10) return truncate(`${name}${tail}`, LIMITS.choiceName);
  return `${head}${truncate(organisation, room)}${tail}`;
}

/** "5 quotes", "5 цитат": each language with its own plural forms. */
const QUOTE_COUNT: Readonly<Record<Language, (count: number) => string>> = {
  en: (count) => `${count} ${count === 1 ? 'quote' : 'quotes'}`,
  uk: (count) => `${count} ${ukrainianPlural(count, 'цитата', 'цитати', 'цитат')}`,
};

export interface QuoteWords {
  text: readonly string[];
  context: readonly string[];
}

/** Each quote's words as findQuotes compares them, once per Dataset (`data.indexes.quoteWords`). */
export function buildQuoteWords(quotes: readonly Quote[]): ReadonlyMap<Quote, QuoteWords> {
  const split = (text: string) => foldLookalikes(normalizeText(text)).split(' ');
  return new Map(
    quotes.map((quote) => [quote, { text: split(quote.text), context: split(quote.context) }]),
  );
}

/**
 * The quotes of a speaker (by id), kept to those whose text (or, failing that, context) has every word of the
 * topic, whole or as the start of a word ("guarantee" finds "guarantees"), case and diacritics
 * aside. No speaker: all quotes; no topic, or one with no letters or digits: no filter.
 */
export function findQuotes(
  filter: { speakerId?: string | undefined; topic?: string | undefined },
  data: Dataset,
): Quote[] {
  const pool =
    filter.speakerId === undefined
      ? data.quotes
      : (data.quotesBySpeaker.get(filter.speakerId) ?? []);
  const topicWords =
    filter.topic === undefined ? [] : lookupForm(filter.topic).split(' ').filter(Boolean);
  if (topicWords.length === 0) return [...pool];
  const words = data.indexes.quoteWords;
  const mentions = (list: readonly string[]) =>
    topicWords.every((topicWord) => list.some((word) => word.startsWith(topicWord)));
  // The quote's own words first: many contexts name the source article, whose title says "NATO",
  // so a context match alone would make nearly every quote a "NATO" quote.
  const inText = pool.filter((quote) => mentions(words.get(quote)?.text ?? []));
  if (inText.length > 0) return inText;
  return pool.filter((quote) => mentions(words.get(quote)?.context ?? []));
}

/** One quote, chosen by the injected random number in [0, 1); undefined when there are none. */
export function pickQuote(quotes: readonly Quote[], random: () => number): Quote | undefined {
  if (quotes.length === 0) return undefined;
  const value = random();
  const position = Number.isFinite(value) ? Math.floor(value * quotes.length) : 0;
  return quotes[Math.min(quotes.length - 1, Math.max(0, position))];
}
