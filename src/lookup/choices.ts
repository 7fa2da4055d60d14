import type { Choice } from '../commands/types.js';
import { stringsFor } from '../i18n/index.js';
import { truncate } from '../render/fit.js';
import { LIMITS } from '../render/limits.js';

/** An autocomplete choice held to Discord's limits. */
export function choice(name: string, value: string): Choice {
  return {
    name: truncate(name, LIMITS.choiceName),
    // Values are ids, short by schema; cut without a mark so a cut one is never mistaken for a name.
    value: value.slice(0, LIMITS.choiceValue),
  };
}

/**
 * "16 Feb 2024", or "16 лют. 2024" for Ukrainian. The month comes from the bot's own table (the
 * one its pictures use), not from ICU, whose British English writes "Sept" beside our "Sep".
 */
export function shortDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const months = stringsFor(locale).pictures.monthsShort;
  return `${day} ${months[month - 1]} ${year}`;
}
