import type { Choice } from '../commands/types.js';
import { languageOf } from '../i18n/index.js';
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

export function isUkrainian(locale: string): boolean {
  return languageOf(locale) === 'uk';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "16 Feb 2024", or "16 лют. 2024" for Ukrainian: day, short month, year in every locale. */
export function shortDate(isoDate: string, locale: string): string {
  const language = isUkrainian(locale) ? 'uk' : 'en-GB';
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(language, format);
  }
  const parts = format.formatToParts(new Date(`${isoDate}T12:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  // Ukrainian adds " р." after the year; the short form reads better without it.
  return [part('day'), part('month'), part('year')].filter(Boolean).join(' ');
}
