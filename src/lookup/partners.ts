import type { Choice } from '../commands/types.js';
import type { Dataset } from '../data/load.js';
import type { Agreement } from '../data/schema.js';
import { languageOf, pick, stringsFor } from '../i18n/index.js';
import { LIMITS } from '../render/limits.js';
import { choice, shortDate } from './choices.js';
import { countriesStartingWith, countryByIso, countryNamed, type Country } from './countries.js';
import {
  buildIndex,
  FUZZY_TIER,
  rankByName,
  resolveByName,
  type NameIndex,
  type NameSpec,
} from './match.js';
import { lookupForm, MAX_QUERY_LENGTH } from './normalize.js';

export type PartnerMatch =
  | { kind: 'found'; agreement: Agreement }
  | { kind: 'ambiguous'; candidates: Agreement[] }
  | { kind: 'not-found'; suggestions: Agreement[] }
  /** A real country with no agreement in the data: never a near miss of one that has one. */
  | { kind: 'not-partner'; country: Country };

/** Partner names longer than this are lists of members ("G7 (Canada, France, …)"): weak names. */
const LONG_NAME = 40;

const REGIONAL_INDICATOR_A = 0x1f1e6;
const REGIONAL_INDICATOR_Z = 0x1f1ff;

/** The index of partners' names, which loadData builds once as `data.indexes.partners`. */
export function buildPartnerIndex(agreements: readonly Agreement[]): NameIndex<Agreement> {
  return buildIndex(agreements, partnerNames);
}

export function partnerNames(agreement: Agreement): NameSpec[] {
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

export function byFlag(query: string, data: Dataset): Agreement[] {
  const codes = new Set(flagCodes(query));
  return data.agreements.filter((a) => a.partner.iso2 !== null && codes.has(a.partner.iso2));
}

function byId(query: string, data: Dataset): Agreement | undefined {
  return data.agreementById.get(query.trim().toLowerCase());
}

/** The country a flag names when no partner has it ("🇸🇰"); Ukraine's own flag names no partner. */
export function countryByFlag(query: string): Country | undefined {
  const [code] = flagCodes(query);
  return code === undefined || code === 'UA' ? undefined : countryByIso(code);
}

/**
 * The country the text names exactly, in any language the country list holds; Ukraine itself is
 * no one's partner and is left to the ordinary lookup.
 */
export function exactCountry(normalized: string): Country | undefined {
  // A whole query of two letters may be an ISO code ("sk"): what a no-agreement choice sends.
  const country =
    countryNamed(normalized) ??
    (/^[a-z]{2}$/.test(normalized) ? countryByIso(normalized) : undefined);
  return country?.iso2 === 'UA' ? undefined : country;
}

/** A country named in a phrase: by name only, as "at" or "me" inside a sentence are words. */
function countryNamedInPhrase(words: string): Country | undefined {
  const country = countryNamed(words);
  return country?.iso2 === 'UA' ? undefined : country;
}

/** A country named by a run of words inside a phrase ("the agreement with slovakia"), longest first. */
export function countryInPhrase(normalized: string): Country | undefined {
  const tokens = normalized.split(' ').slice(0, 12);
  for (let size = tokens.length - 1; size >= 1; size -= 1) {
    for (let start = 0; start + size <= tokens.length; start += 1) {
      const country = countryNamedInPhrase(tokens.slice(start, start + size).join(' '));
      if (country) return country;
    }
  }
  return undefined;
}

function agreementOfCountry(country: Country, data: Dataset): Agreement | undefined {
  return data.agreements.find((a) => a.partner.iso2 === country.iso2);
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
  const flagCountry = countryByFlag(text);
  if (flagCountry) return { kind: 'not-partner', country: flagCountry };

  // An exact name of a real country decides before any typo tolerance does.
  const normalized = lookupForm(text);
  const country = exactCountry(normalized);
  if (country) {
    const agreement = agreementOfCountry(country, data);
    return agreement ? { kind: 'found', agreement } : { kind: 'not-partner', country };
  }

  const resolution = resolveByName(data.indexes.partners, normalized);
  switch (resolution.kind) {
    case 'found':
      return { kind: 'found', agreement: resolution.item };
    case 'ambiguous':
      return resolution;
    case 'not-found': {
      const named = countryInPhrase(normalized);
      if (named && !agreementOfCountry(named, data)) return { kind: 'not-partner', country: named };
      return resolution;
    }
  }
}

/**
 * What autocomplete offers beside the agreements for a text: the countries it names or starts,
 * split into partners (found by a name in another language: "Frankreich") and countries with no
 * agreement; and whether typo matches may show at all (not when the text is exactly a country's
 * name: "Slovakia" is not a typo of "Slovenia").
 */
export function countriesFor(
  normalized: string,
  data: Dataset,
): { agreements: Agreement[]; others: Country[]; allowTypos: boolean } {
  const exact = exactCountry(normalized);
  const candidates = (exact ? [exact] : countriesStartingWith(normalized, 5)).filter(
    (c) => c.iso2 !== 'UA',
  );
  return {
    agreements: candidates.flatMap((c) => agreementOfCountry(c, data) ?? []),
    others: candidates.filter((c) => !agreementOfCountry(c, data)),
    allowTypos: exact === undefined,
  };
}

/**
 * "🇸🇰 Slovakia · no agreement in our data"; its value is the ISO code, which resolves to that
 * answer: an id of ours, never the user's text.
 */
export function noAgreementChoice(country: Country, locale: string): Choice {
  const name = pick(country.name, languageOf(locale));
  return choice(
    `${country.flag} ${name} · ${stringsFor(locale).lookup.noAgreementChoice}`,
    country.iso2.toLowerCase(),
  );
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
  if (normalized === '' && direct.length === 0) {
    return data.agreements
      .filter(include)
      .slice(0, LIMITS.autocompleteChoices)
      .map((agreement) => choice(partnerChoiceName(agreement, locale), agreement.id));
  }
  const countries = countriesFor(normalized, data);
  const ranked = rankByName(data.indexes.partners, normalized).filter(
    (r) => countries.allowTypos || r.tier !== FUZZY_TIER,
  );
  const close = ranked.filter((r) => r.tier < FUZZY_TIER).map((r) => r.item);
  const typos = ranked.filter((r) => r.tier >= FUZZY_TIER).map((r) => r.item);
  const toChoice = (agreement: Agreement) =>
    choice(partnerChoiceName(agreement, locale), agreement.id);
  // Exact and prefix matches first, then countries with no agreement, then typo matches.
  return [
    ...[...new Set([...direct, ...countries.agreements, ...close])].filter(include).map(toChoice),
    ...countries.others.map((c) => noAgreementChoice(c, locale)),
    ...[...new Set(typos)]
      .filter((a) => include(a) && !direct.includes(a) && !close.includes(a))
      .filter((a) => !countries.agreements.includes(a))
      .map(toChoice),
  ].slice(0, LIMITS.autocompleteChoices);
}

/** Whether the partner is a country (the EU, the G7 and the Compact are not): one a map can show. */
export function isCountry(agreement: Agreement): boolean {
  const { iso2 } = agreement.partner;
  return iso2 !== null && iso2 !== 'EU';
}

/** "🇩🇪 Germany · 16 Feb 2024"; Ukrainian names and dates for the `uk` locale where we have them. */
export function partnerChoiceName(agreement: Agreement, locale: string): string {
  const { partner } = agreement;
  const name = pick(partner.shortName, languageOf(locale));
  const flag = partner.flag ? `${partner.flag} ` : '';
  return `${flag}${name} · ${shortDate(agreement.signed, locale)}`;
}
