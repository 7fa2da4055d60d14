import type { APIEmbed } from 'discord-api-types/v10';
import { ARTICLE, ARTICLE_SOURCE, type Person, type Quote } from '../data/schema.js';
import { pick, type Strings } from '../i18n/index.js';
import { COLOUR } from './colours.js';
import { fitEmbed } from './fit.js';
import { discordDate, sourceLabel } from './format.js';
import type { ReplyBody } from './reply.js';

export const QUOTE_COLOUR = COLOUR.quote;

export function personName(person: Person, strings: Strings): string {
  return pick(person.name, strings.language);
}

/** The speaker's role and organisation in the reader's language where the data has them. */
export function personRole(
  person: Person,
  strings: Strings,
): { role: string; organisation: string } {
  return {
    role: pick(person.role, strings.language),
    organisation: pick(person.organisation, strings.language),
  };
}

/** The reply to `/quote`: the words as the source gives them, who said them, and where. */
export function renderQuote(quote: Quote, speaker: Person, strings: Strings): ReplyBody {
  const q = strings.quote;
  const source =
    quote.source === ARTICLE_SOURCE
      ? q.article
      : `[${sourceLabel(quote.source, q.article)}](${quote.source})`;
  const notes = [
    // A document DW quotes is DW's wording of it; a speaker's words are DW's translation.
    quote.translation
      ? speaker.kind === 'document'
        ? q.translationDocument
        : q.translation
      : null,
    quote.verbatim ? null : q.notVerbatim,
  ].filter((note): note is string => note !== null);
  const { role, organisation } = personRole(speaker, strings);
  const embed: APIEmbed = {
    author: { name: `${personName(speaker, strings)}: ${role}` },
    description: `> ${quote.text.replace(/\n/g, '\n> ')}`,
    color: QUOTE_COLOUR,
    fields: [
      { name: q.date, value: dateText(quote, strings), inline: true },
      { name: q.source, value: source, inline: true },
      { name: q.context, value: quote.context },
    ],
    footer: { text: [organisation, ...notes].join(' · ') },
  };
  return { embeds: [fitEmbed(embed)] };
}

/** When it was said; where only the article's date is known, that, and said to be only that. */
function dateText(quote: Quote, strings: Strings): string {
  if (quote.date) return discordDate(quote.date);
  return quote.source === ARTICLE_SOURCE
    ? strings.quote.undatedReported(discordDate(ARTICLE.published))
    : strings.quote.undated;
}
