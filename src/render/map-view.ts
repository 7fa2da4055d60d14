import type { APIEmbed } from 'discord-api-types/v10';
import type { Agreement } from '../data/schema.js';
import type { Strings } from '../i18n/index.js';
import { isCountry } from '../lookup/partners.js';
import {
  COLOURS,
  partnerInSentence,
  partnerLabel,
  partnerLabelInSentence,
  partnerName,
} from './agreement.js';
import type { MapFilter } from './pictures/index.js';
import { ephemeral, type ReplyBody } from './reply.js';

/* What /map draws and how it titles it, pure: the command reads its options and draws. */

/** The `show` option's values, each with the agreements it maps. */
export type MapShow = 'all' | '2024' | '2025' | 'dw21';

const FILTERS: Readonly<Record<MapShow, MapFilter>> = {
  all: {},
  '2024': { year: 2024 },
  '2025': { year: 2025 },
  dw21: { dw21: true },
};

/** What to draw and how to title it; or, for a partner the map cannot show, the reply instead. */
export type MapView =
  | {
      kind: 'map';
      filter: MapFilter;
      embed: Pick<APIEmbed, 'title' | 'description' | 'color'>;
    }
  | { kind: 'reply'; body: ReplyBody };

/** Every partner, or those of one year or of DW's count (the `show` option). */
export function overviewView(show: MapShow, strings: Strings): MapView {
  return {
    kind: 'map',
    filter: FILTERS[show],
    embed: {
      title: strings.map.title,
      description: strings.map.description[show],
      color: COLOURS.official,
    },
  };
}

/** One partner country on the map (the `partner` option); the map has no place for the others. */
export function locatorView(agreement: Agreement, strings: Strings): MapView {
  const label = partnerLabel(agreement, strings);
  const name = partnerName(agreement, strings);
  if (!isCountry(agreement)) {
    const inSentence = partnerLabelInSentence(agreement, strings);
    return {
      kind: 'reply',
      body: ephemeral({ content: strings.map.notACountry(inSentence, name) }),
    };
  }
  return {
    kind: 'map',
    filter: { partner: agreement.id },
    embed: {
      title: strings.map.partnerTitle(label),
      description: strings.map.partnerDescription(partnerInSentence(agreement, strings), name),
      color: COLOURS[agreement.status],
    },
  };
}
