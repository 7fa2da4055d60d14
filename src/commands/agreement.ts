import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import type { Agreement } from '../data/schema.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import type { ReplyBody } from '../render/reply.js';
import { resolvePartner, suggestPartners } from '../lookup/partners.js';
import { partnerLabel, renderAgreement } from '../render/agreement.js';
import { renderNotFound } from '../render/not-found.js';
import { echoUserText } from '../render/user-text.js';
import type { Choice, SlashCommand } from './types.js';

/**
 * The data never changes while the bot runs, so each agreement's reply is rendered once per
 * language and reused: the most asked command costs a lookup, not a render.
 */
const rendered = new WeakMap<Agreement, Map<string, ReplyBody>>();
function renderedAgreement(found: Agreement, strings: Strings): ReplyBody {
  const byLocale = rendered.get(found) ?? new Map<string, ReplyBody>();
  rendered.set(found, byLocale);
  let body = byLocale.get(strings.locale);
  if (!body) {
    body = renderAgreement(found, strings);
    byLocale.set(strings.locale, body);
  }
  return body;
}

/**
 * What people type repeats (every user types "g", "ge", "ger"…), and the answer depends only on
 * the text and the language: keep recent answers, bounded so odd input cannot grow it.
 */
const SUGGESTION_CACHE_SIZE = 2000;
const suggestions = new WeakMap<Dataset, Map<string, Choice[]>>();
function cachedSuggestions(data: Dataset, query: string, locale: string): Choice[] {
  const cache = suggestions.get(data) ?? new Map<string, Choice[]>();
  suggestions.set(data, cache);
  const key = `${locale}|${query.slice(0, 100)}`;
  let choices = cache.get(key);
  if (!choices) {
    choices = suggestPartners(query, data, locale);
    if (cache.size >= SUGGESTION_CACHE_SIZE) cache.clear();
    cache.set(key, choices);
  }
  return choices;
}

export const agreement: SlashCommand = {
  data: {
    name: 'agreement',
    description: 'The facts of one security agreement, with sources',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'partner',
        description: 'Country or organisation: Germany, UK, EU, G7, 🇫🇷, Німеччина…',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },

  respond(input, { data }) {
    const strings = stringsFor(input.locale);
    const query = String(input.options['partner'] ?? '');
    const match = resolvePartner(query, data);
    switch (match.kind) {
      case 'found':
        return renderedAgreement(match.agreement, strings);
      case 'ambiguous':
        return renderNotFound(
          strings.notFound.ambiguous(echoUserText(query)),
          match.candidates.map((a) => partnerLabel(a, strings)),
          strings.notFound.tryList,
          strings,
        );
      case 'not-found':
        return renderNotFound(
          strings.notFound.partner(echoUserText(query)),
          match.suggestions.map((a) => partnerLabel(a, strings)),
          strings.notFound.tryList,
          strings,
        );
    }
  },

  autocomplete(input, { data }) {
    return cachedSuggestions(data, input.focused.value, input.locale);
  },
};
