import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { LaterRecord } from '../data/records-schema.js';
import type { Agreement } from '../data/schema.js';
import type { Strings } from '../i18n/index.js';
import { COLOURS, partnerLabel, STATUS_MARK } from './agreement.js';
import { fitEmbed, joinLines } from './fit.js';
import { discordDate } from './format.js';
import { renderLaterTimeline } from './later.js';
import { LIMITS } from './limits.js';
import type { ReplyBody } from './reply.js';

/** `/timeline`: the agreements in signing order, one field per month. */
export function renderTimeline(
  agreements: readonly Agreement[],
  strings: Strings,
  later: readonly LaterRecord[] = [],
): ReplyBody {
  const months = new Map<string, Agreement[]>();
  for (const agreement of agreements) {
    const month = agreement.signed.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), agreement]);
  }
  const monthName = new Intl.DateTimeFormat(strings.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const fields: APIEmbedField[] = [...months].map(([month, inMonth]) => ({
    name: capitalize(monthName.format(new Date(`${month}-15T12:00:00Z`)), strings.locale),
    value: joinLines(
      inMonth.map(
        (a) => `${STATUS_MARK[a.status]} ${discordDate(a.signed, 'd')} ${partnerLabel(a, strings)}`,
      ),
      LIMITS.embedFieldValue,
      strings.agreement.moreLines,
    ),
  }));
  const embed: APIEmbed = {
    title: strings.timeline.title,
    description: `${strings.timeline.description(agreements.length)}\n${strings.list.legend}`,
    color: COLOURS.official,
    fields,
  };
  // The documents after the 28 follow in an embed of their own, so neither crowds the other out.
  const laterEmbed = later.length > 0 ? [renderLaterTimeline(later, strings)] : [];
  return { embeds: [fitEmbed(embed), ...laterEmbed] };
}

/** Ukrainian month names are lowercase ("лютий 2024 р."); a heading starts with a capital. */
function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
