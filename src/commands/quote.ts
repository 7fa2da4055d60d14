import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Person } from '../data/schema.js';
import { stringsFor } from '../i18n/index.js';
import { MAX_QUERY_LENGTH } from '../lookup/normalize.js';
import { pickQuote, resolveSpeaker, suggestSpeakers } from '../lookup/speakers.js';
import { renderNotFound } from '../render/not-found.js';
import { personName, renderQuote } from '../render/quote.js';
import { echoUserText } from '../render/user-text.js';
import { findQuotesAbout } from '../search/quotes.js';
import { defineCommand } from './types.js';

export const quote = defineCommand({
  data: {
    name: 'quote',
    description: 'What an expert or leader said about the agreements',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'speaker',
        description: 'Who said it: Shea, Krayev, Tusk…',
        autocomplete: true,
        max_length: MAX_QUERY_LENGTH,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description:
          'What the quote is about, in English or Ukrainian: NATO, guarantees, гарантії…',
        max_length: MAX_QUERY_LENGTH,
      },
    ],
  },

  respond(input, { data, random }) {
    const strings = stringsFor(input.locale);
    const { speaker: speakerQuery, topic } = input.options;
    let speaker: Person | undefined;
    if (speakerQuery !== undefined && speakerQuery.trim() !== '') {
      const match = resolveSpeaker(speakerQuery, data);
      if (match.kind !== 'found') {
        const candidates = match.kind === 'ambiguous' ? match.candidates : match.suggestions;
        return renderNotFound(
          strings.notFound.speaker(echoUserText(speakerQuery)),
          candidates.map((p) => personName(p, strings)),
          strings.notFound.speakerList(data.people.map((p) => personName(p, strings)).join(', ')),
          strings,
        );
      }
      speaker = match.person;
    }
    const topicText = topic !== undefined && topic.trim() !== '' ? topic : undefined;
    const found = findQuotesAbout(data, { speakerId: speaker?.id, topic: topicText });
    const picked = found.kind === 'quotes' ? pickQuote(found.quotes, random) : undefined;
    if (!picked) {
      const echoed = echoUserText(topicText ?? '');
      return renderNotFound(
        // Say whose quotes were searched: "no quote mentions Poland" is false when others do.
        speaker
          ? strings.search.quoteTopicNone(personName(speaker, strings), echoed)
          : strings.notFound.topic(echoed),
        found.kind === 'none' ? found.closeTerms : [],
        strings.notFound.topicTry,
        strings,
      );
    }
    const saidBy = speaker ?? data.personById.get(picked.speakerId);
    // loadData guarantees every quote's speaker exists.
    if (!saidBy) throw new Error(`quote ${picked.id} has no speaker`);
    return renderQuote(picked, saidBy, strings);
  },

  autocomplete(input, { data }) {
    return suggestSpeakers(input.focused.value, data, input.locale);
  },
});
