import { ApplicationCommandOptionType, type APIEmbed } from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import { isCountry } from '../lookup/partners.js';
import {
  COLOURS,
  partnerInSentence,
  partnerLabel,
  partnerLabelInSentence,
  partnerName,
} from '../render/agreement.js';
import { fitEmbed } from '../render/fit.js';
import { withPicture } from '../render/picture-reply.js';
import type { MapFilter } from '../render/pictures/index.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { partnerChoices, readPartnerOption } from './partner-option.js';
import { loadPictures } from './pictures.js';
import type { CommandInput, SlashCommand } from './types.js';

const FILTERS: Record<string, MapFilter> = {
  all: {},
  '2024': { year: 2024 },
  '2025': { year: 2025 },
  dw21: { dw21: true },
};

/** What to draw and how to title it; or, for a partner the map cannot show, the reply instead. */
type MapView =
  | { filter: MapFilter; embed: Pick<APIEmbed, 'title' | 'description' | 'color'> }
  | { reply: ReplyBody };

/** Every partner, or those of one year or of DW's count (the `show` option). */
function overviewView(input: CommandInput, strings: Strings): MapView {
  const requested = String(input.options['show'] ?? 'all');
  // Own keys only: "constructor" or "__proto__" must not reach Object.prototype.
  const show = Object.hasOwn(FILTERS, requested) ? requested : 'all';
  return {
    filter: FILTERS[show] ?? {},
    embed: {
      title: strings.map.title,
      description:
        strings.map.description[show as keyof typeof strings.map.description] ??
        strings.map.description.all,
      color: COLOURS.official,
    },
  };
}

/** One partner country on the map (the `partner` option). */
function locatorView(typed: string, data: Dataset, strings: Strings): MapView {
  const read = readPartnerOption(typed, data, strings);
  if (read.kind === 'reply') return { reply: read.body };
  const { agreement } = read;
  const label = partnerLabel(agreement, strings);
  const name = partnerName(agreement, strings);
  if (!isCountry(agreement)) {
    const inSentence = partnerLabelInSentence(agreement, strings);
    return { reply: ephemeral({ content: strings.map.notACountry(inSentence, name) }) };
  }
  return {
    filter: { partner: agreement.id },
    embed: {
      title: strings.map.partnerTitle(label),
      description: strings.map.partnerDescription(partnerInSentence(agreement, strings), name),
      color: COLOURS[agreement.status],
    },
  };
}

export const map: SlashCommand = {
  data: {
    name: 'map',
    description: 'A map of Ukraine’s partners, shaded by the date they signed',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'show',
        description: 'Which agreements to map',
        choices: [
          { name: 'All agreements', value: 'all' },
          { name: 'Signed in 2024', value: '2024' },
          { name: 'Signed in 2025', value: '2025' },
          { name: 'The 21 in DW’s article of July 2024', value: 'dw21' },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'partner',
        description: 'One partner country, to see where it is (instead of show)',
        autocomplete: true,
        max_length: 100,
      },
    ],
  },

  async respond(input, { data }) {
    const strings = stringsFor(input.locale);
    const typed = String(input.options['partner'] ?? '').trim();
    const view = typed !== '' ? locatorView(typed, data, strings) : overviewView(input, strings);
    if ('reply' in view) return view.reply;
    const { renderMapPng } = await loadPictures();
    const picture = await renderMapPng(data, { filter: view.filter, locale: input.locale });
    const embed = fitEmbed({ ...view.embed, footer: { text: strings.map.footer } });
    return withPicture({ embeds: [embed] }, picture);
  },

  autocomplete(input, { data }) {
    // Only countries: the EU and the frameworks have no place on a map.
    return partnerChoices(data, input.focused.value, input.locale, {
      scope: 'countries',
      keep: isCountry,
    });
  },
};
