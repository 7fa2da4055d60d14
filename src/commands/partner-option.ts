import type { Dataset } from '../data/load.js';
import type { Agreement } from '../data/schema.js';
import type { Strings } from '../i18n/index.js';
import { lookupForm, MAX_QUERY_LENGTH } from '../lookup/normalize.js';
import { flagCodes, resolvePartner, suggestPartners } from '../lookup/partners.js';
import type { Country } from '../lookup/countries.js';
import { pick } from '../i18n/index.js';
import { ephemeral } from '../render/reply.js';
import { partnerLabel } from '../render/agreement.js';
import { renderNotFound } from '../render/not-found.js';
import type { ReplyBody } from '../render/reply.js';
import { echoUserText } from '../render/user-text.js';
import type { Choice } from './types.js';

/** A `partner` option read: the agreement meant, or the ephemeral reply that says we do not know. */
export type PartnerOption =
  { kind: 'found'; agreement: Agreement } | { kind: 'reply'; body: ReplyBody };

/** Resolves what a user typed in a `partner` option, as /agreement and /map both take one. */
export function readPartnerOption(query: string, data: Dataset, strings: Strings): PartnerOption {
  if (isBlank(query)) return { kind: 'reply', body: renderBlankQuery(strings) };
  const match = resolvePartner(query, data);
  if (match.kind === 'found') return match;
  if (match.kind === 'not-partner') {
    return { kind: 'reply', body: renderNotPartner(match.country, strings) };
  }
  const echoed = echoUserText(query);
  const [message, guesses] =
    match.kind === 'ambiguous'
      ? [strings.notFound.ambiguous(echoed), match.candidates]
      : [strings.notFound.partner(echoed), match.suggestions];
  return {
    kind: 'reply',
    body: renderNotFound(
      message,
      guesses.map((a) => partnerLabel(a, strings)),
      strings.notFound.tryList,
      strings,
    ),
  };
}

/** Nothing to look up: no letter, digit or flag ("", "   ", "***"). */
export function isBlank(query: string): boolean {
  const text = query.slice(0, MAX_QUERY_LENGTH * 2);
  return lookupForm(text) === '' && flagCodes(text).length === 0;
}

/** A blank partner: say what to type, never "I don't know an agreement with “”". */
export function renderBlankQuery(strings: Strings): ReplyBody {
  return ephemeral({ content: `${strings.lookup.blank}\n${strings.notFound.tryList}` });
}

/** A real country with no agreement in the data: said plainly, with where to look instead. */
export function renderNotPartner(country: Country, strings: Strings): ReplyBody {
  const name = pick(country.name, strings.language);
  return ephemeral({
    content: `${country.flag} ${strings.lookup.notPartner(name)}\n${strings.notFound.tryList}`,
  });
}

/**
 * What people type repeats (every user types "g", "ge", "ger"…), and the answer depends only on
 * the text, the language and which partners the command takes: keep recent answers, bounded so
 * odd input cannot grow it.
 */
const SUGGESTION_CACHE_SIZE = 2000;
const suggestions = new WeakMap<Dataset, Map<string, Choice[]>>();

/** Autocomplete for a `partner` option; `scope` names the subset `include` keeps, for the cache. */
export function partnerChoices(
  data: Dataset,
  query: string,
  locale: string,
  include?: { scope: string; keep: (agreement: Agreement) => boolean },
): Choice[] {
  const cache = suggestions.get(data) ?? new Map<string, Choice[]>();
  suggestions.set(data, cache);
  // As much of the query as the lookup reads: two queries that differ past it get one answer.
  const key = `${include?.scope ?? 'all'}|${locale}|${query.slice(0, MAX_QUERY_LENGTH * 2)}`;
  let choices = cache.get(key);
  if (!choices) {
    choices = suggestPartners(query, data, locale, include?.keep);
    if (cache.size >= SUGGESTION_CACHE_SIZE) cache.clear();
    cache.set(key, choices);
  }
  return choices;
}
