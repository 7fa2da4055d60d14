import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import type { Agreement } from '../data/schema.js';
import type { Strings } from '../i18n/index.js';
import { lookupForm, MAX_QUERY_LENGTH } from '../lookup/normalize.js';
import { flagCodes, resolvePartner, suggestPartners } from '../lookup/partners.js';
import { recentAnswers } from '../lookup/recent-answers.js';
import { partnerLabel } from '../render/agreement.js';
import { renderNotFound } from '../render/not-found.js';
import type { ReplyBody } from '../render/reply.js';
import { renderBlankQuery, renderNotPartner } from '../render/subject-answer.js';
import { echoUserText } from '../render/user-text.js';
import type { Choice } from './types.js';

/**
 * What every option naming a partner shares (/agreement, /compare, /map): typed freely, helped by
 * autocomplete, as long as the lookup reads. Each command adds its name, description and whether
 * it is required, so the option's type still follows from the command's own literal.
 */
export const PARTNER_OPTION = {
  type: ApplicationCommandOptionType.String,
  autocomplete: true,
  max_length: MAX_QUERY_LENGTH,
} as const;

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

const partnerAnswers = recentAnswers<Choice[]>();

/** Autocomplete for a `partner` option; `scope` names the subset `include` keeps, for the cache. */
export function partnerChoices(
  data: Dataset,
  query: string,
  locale: string,
  include?: { scope: string; keep: (agreement: Agreement) => boolean },
): Choice[] {
  // As much of the query as the lookup reads: two queries that differ past it get one answer.
  const key = `${include?.scope ?? 'all'}|${locale}|${query.slice(0, MAX_QUERY_LENGTH * 2)}`;
  return partnerAnswers.answerFor(data, key, () =>
    suggestPartners(query, data, locale, include?.keep),
  );
}
