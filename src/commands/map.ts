import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import { isCountry } from '../lookup/partners.js';
import { fitEmbed } from '../render/fit.js';
import { locatorView, overviewView, type MapView } from '../render/map-view.js';
import { withPicture } from '../render/picture-reply.js';
import { PARTNER_OPTION, partnerChoices, readPartnerOption } from './partner-option.js';
import { loadPictures } from './pictures.js';
import { defineCommand } from './types.js';

/** One partner on the map, or the reply saying why not (unknown, or not a country). */
function partnerView(typed: string, data: Dataset, strings: Strings): MapView {
  const read = readPartnerOption(typed, data, strings);
  return read.kind === 'reply' ? read : locatorView(read.agreement, strings);
}

export const map = defineCommand({
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
        ...PARTNER_OPTION,
        name: 'partner',
        description: 'One partner country, to see where it is (instead of show)',
      },
    ],
  },

  async respond(input, { data }) {
    const strings = stringsFor(input.locale);
    const typed = input.options.partner?.trim() ?? '';
    const view =
      typed === ''
        ? overviewView(input.options.show ?? 'all', strings)
        : partnerView(typed, data, strings);
    if (view.kind === 'reply') return view.body;
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
});
