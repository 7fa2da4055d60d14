import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { isCountry } from '../lookup/partners.js';
import { COLOURS, partnerLabel, partnerName } from '../render/agreement.js';
import { fitEmbed } from '../render/fit.js';
import { withPicture } from '../render/picture-reply.js';
import type { MapFilter } from '../render/pictures/index.js';
import { ephemeral } from '../render/reply.js';
import { partnerChoices, readPartnerOption } from './partner-option.js';
import { loadPictures } from './pictures.js';
import type { SlashCommand } from './types.js';

const FILTERS: Record<string, MapFilter> = {
  all: {},
  '2024': { year: 2024 },
  '2025': { year: 2025 },
  dw21: { dw21: true },
};

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
    if (typed !== '') {
      const read = readPartnerOption(typed, data, strings);
      if (read.kind === 'reply') return read.body;
      const { agreement } = read;
      if (!isCountry(agreement)) {
        return ephemeral({
          content: strings.map.notACountry(
            partnerLabel(agreement, strings),
            partnerName(agreement, strings),
          ),
        });
      }
      const { renderMapPng } = await loadPictures();
      const picture = await renderMapPng(data, {
        filter: { partner: agreement.id },
        locale: input.locale,
      });
      const name = partnerName(agreement, strings);
      const body = {
        embeds: [
          fitEmbed({
            title: strings.map.partnerTitle(partnerLabel(agreement, strings)),
            description: strings.map.partnerDescription(name),
            color: COLOURS[agreement.status],
            footer: { text: strings.map.footer },
          }),
        ],
      };
      return withPicture(body, picture);
    }

    const requested = String(input.options['show'] ?? 'all');
    // Own keys only: "constructor" or "__proto__" must not reach Object.prototype.
    const show = Object.hasOwn(FILTERS, requested) ? requested : 'all';
    const { renderMapPng } = await loadPictures();
    const picture = await renderMapPng(data, {
      filter: FILTERS[show] ?? {},
      locale: input.locale,
    });
    const body = {
      embeds: [
        fitEmbed({
          title: strings.map.title,
          description:
            strings.map.description[show as keyof typeof strings.map.description] ??
            strings.map.description.all,
          color: COLOURS.official,
          footer: { text: strings.map.footer },
        }),
      ],
    };
    return withPicture(body, picture);
  },

  autocomplete(input, { data }) {
    // Only countries: the EU and the frameworks have no place on a map.
    return partnerChoices(data, input.focused.value, input.locale, {
      scope: 'countries',
      keep: isCountry,
    });
  },
};
