import type { Choice } from '../commands/types.js';
import type { Dataset } from '../data/load.js';
import type { Agreement } from '../data/schema.js';
import { LIMITS } from '../render/limits.js';
import { choice, isUkrainian, shortDate } from './choices.js';
import { buildIndex, rankByName, resolveByName, type NameIndex, type NameSpec } from './match.js';
import { lookupForm, MAX_QUERY_LENGTH } from './normalize.js';

export type PartnerMatch =
  | { kind: 'found'; agreement: Agreement }
  | { kind: 'ambiguous'; candidates: Agreement[] }
  | { kind: 'not-found'; suggestions: Agreement[] };

/** Partner names longer than this are lists of members ("G7 (Canada, France, …)"): weak names. */
const LONG_NAME = 40;

const REGIONAL_INDICATOR_A = 0x1f1e6;
const REGIONAL_INDICATOR_Z = 0x1f1ff;

const indexes = new WeakMap<Dataset, NameIndex<Agreement>>();

function partnerIndex(data: Dataset): NameIndex<Agreement> {
  let index = indexes.get(data);
  if (!index) {
    index = buildIndex(data.agreements, partnerNames);
    indexes.set(data, index);
  }
  return index;
}

function partnerNames(agreement: Agreement): NameSpec[] {
  const { partner } = agreement;
  const strong = (text: string | null, priority: number): NameSpec[] =>
    text === null ? [] : [{ text: lookupForm(text), strength: 'strong', priority }];
  const full = (text: string | null): NameSpec[] => {
    if (text === null) return [];
    return [
      {
        text: lookupForm(text),
        strength: text.length > LONG_NAME ? 'weak' : 'strong',
        priority: 1,
      },
    ];
  };
  return [
    ...strong(partner.shortName.en, 0),
    ...strong(partner.shortName.uk, 0),
    ...full(partner.name.en),
    ...full(partner.name.uk),
    ...partner.aliases.flatMap((alias) => strong(alias, 2)),
    ...strong(partner.iso2, 3),
    ...strong(agreement.id, 3),
  ];
}

/** ISO codes of the flag emoji in the text ("🇩🇪" → "DE"), read before normalising drops them. */
export function flagCodes(text: string): string[] {
  const codes: string[] = [];
  let pending: string | null = null;
  for (const char of text.slice(0, MAX_QUERY_LENGTH * 2)) {
    const point = char.codePointAt(0) ?? 0;
    if (point < REGIONAL_INDICATOR_A || point > REGIONAL_INDICATOR_Z) {
      pending = null;
      continue;
    }
    const letter = String.fromCharCode(65 + point - REGIONAL_INDICATOR_A);
    if (pending === null) {
      pending = letter;
    } else {
      codes.push(pending + letter);
      pending = null;
    }
  }
  return codes;
}

function byFlag(query: string, data: Dataset): Agreement[] {
  const codes = new Set(flagCodes(query));
  return data.agreements.filter((a) => a.partner.iso2 !== null && codes.has(a.partner.iso2));
}

function byId(query: string, data: Dataset): Agreement | undefined {
  return data.agreementById.get(query.trim().toLowerCase());
}

/**
 * The agreement a user means by what they typed: an id (what autocomplete sends), a flag, a name
 * in English or Ukrainian, an ISO code, an alias, or a near miss of one. Never throws: anything
 * else is ambiguous or not found, with suggestions best first.
 */
export function resolvePartner(query: string, data: Dataset): PartnerMatch {
  const text = query.slice(0, MAX_QUERY_LENGTH * 2);
  const exactId = byId(text, data);
  if (exactId) return { kind: 'found', agreement: exactId };

  const flagged = byFlag(text, data);
  if (flagged.length === 1) return { kind: 'found', agreement: flagged[0] as Agreement };
  if (flagged.length > 1) return { kind: 'ambiguous', candidates: flagged };

  const resolution = resolveByName(partnerIndex(data), lookupForm(text));
  switch (resolution.kind) {
    case 'found':
      return { kind: 'found', agreement: resolution.item };
    case 'ambiguous':
      return resolution;
    case 'not-found':
      return resolution;
  }
}

/**
 * Autocomplete choices for a partner, best first: the id or flag typed, names that start with the
 * query, names with a word that does, near misses, then member lists. Empty input lists the
 * agreements in signing order. Values are agreement ids.
 */
export function suggestPartners(
  query: string,
  data: Dataset,
  locale: string,
  include: (agreement: Agreement) => boolean = () => true,
): Choice[] {
  const text = query.slice(0, MAX_QUERY_LENGTH * 2);
  const normalized = lookupForm(text);
  const direct = [byId(text, data), ...byFlag(text, data)].filter(
    (a): a is Agreement => a !== undefined,
  );
  const ranked =
    normalized === '' && direct.length === 0
      ? data.agreements
      : [...direct, ...rankByName(partnerIndex(data), normalized).map((r) => r.item)];
  return [...new Set(ranked)]
    .filter(include)
    .slice(0, LIMITS.autocompleteChoices)
    .map((agreement) => choice(partnerChoiceName(agreement, locale), agreement.id));
}

/** Whether the partner is a country (the EU, the G7 and the Compact are not): one a map can show. */
export function isCountry(agreement: Agreement): boolean {
  const { iso2 } = agreement.partner;
  return iso2 !== null && iso2 !== 'EU';
}

/** "🇩🇪 Germany · 16 Feb 2024"; Ukrainian names and dates for the `uk` locale where we have them. */
export function partnerChoiceName(agreement: Agreement, locale: string): string {
  const { partner } = agreement;
  const name = isUkrainian(locale)
    ? (partner.shortName.uk ?? partner.shortName.en)
    : partner.shortName.en;
  const flag = partner.flag ? `${partner.flag} ` : '';
  return `${flag}${name} · ${shortDate(agreement.signed, locale)}`;
}
