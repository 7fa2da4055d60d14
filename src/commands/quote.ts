import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { findQuotes, pickQuote, resolveSpeaker, suggestSpeakers } from '../lookup/speakers.js';
import { renderNotFound } from '../render/not-found.js';
import { personName, renderQuote } from '../render/quote.js';
import { echoUserText } from '../render/user-text.js';
import type { SlashCommand } from './types.js';

export const quote: SlashCommand = {
  data: {
    name: 'quote',
    description: 'What an expert or leader said about the agreements',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'speaker',
        description: 'Who said it: Shea, Krayev, Tusk…',
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'A word the quote or its context mentions: NATO, guarantees, Poland…',
        max_length: 100,
      },
    ],
  },

  respond(input, { data, random }) {
    const strings = stringsFor(input.locale);
    const speakerQuery = input.options['speaker'];
    const topic = input.options['topic'];
    let speakerId: string | undefined;
    if (typeof speakerQuery === 'string' && speakerQuery.trim() !== '') {
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
      speakerId = match.person.id;
    }
    const topicText = typeof topic === 'string' && topic.trim() !== '' ? topic : undefined;
    const picked = pickQuote(findQuotes({ speakerId, topic: topicText }, data), random);
    if (!picked) {
      return renderNotFound(
        strings.notFound.topic(echoUserText(topicText ?? '')),
        [],
        strings.notFound.topicTry,
        strings,
      );
    }
    const speaker = data.personById.get(picked.speakerId);
    // loadData guarantees every quote's speaker exists.
    if (!speaker) throw new Error(`quote ${picked.id} has no speaker`);
    return renderQuote(picked, speaker, strings);
  },

  autocomplete(input, { data }) {
    return suggestSpeakers(input.focused.value, data, input.locale);
  },
};
