import { ARTICLE_SOURCE, type Localized, type SourceRef } from '../data/schema.js';
import { pick, type Strings } from '../i18n/index.js';

/**
 * A calendar date as a Unix time at 12:00 UTC. A date with no time of day shown as a Discord
 * timestamp is rendered in each reader's zone: noon keeps it on the same calendar day from
 * UTC−11 to UTC+11, where midnight would show Americans the day before.
 */
export function dateToUnix(isoDate: string): number {
  return Date.parse(`${isoDate}T12:00:00Z`) / 1000;
}

export type TimestampStyle = 'D' | 'd' | 'R' | 'F' | 'f';

export function discordTimestamp(unix: number, style: TimestampStyle = 'D'): string {
  return `<t:${Math.trunc(unix)}:${style}>`;
}

/** A signing date as a Discord timestamp, shown in each reader's own language. */
export function discordDate(isoDate: string, style: TimestampStyle = 'D'): string {
  return discordTimestamp(dateToUnix(isoDate), style);
}

/** The date `years` after an ISO date (the end of a term), as an ISO date. */
export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year + years, month - 1, day));
  // 29 February plus a non-leap number of years rolls to 1 March; keep it in February.
  if (end.getUTCMonth() !== month - 1) end.setUTCDate(0);
  return end.toISOString().slice(0, 10);
}

/**
 * Currency names written out after a compact number, by language. English needs none: ICU's
 * compact currency reads right ("€7.1 billion"). Ukrainian writes them after "млн"/"млрд"
 * (always genitive plural there), where ICU has only symbols that are ambiguous in Ukrainian
 * text ("kr", "$") or ISO codes.
 */
const CURRENCY_NAMES: Localized<Readonly<Record<string, string>>> = {
  en: {},
  uk: {
    EUR: 'євро',
    GBP: 'фунтів стерлінгів',
    USD: 'доларів США',
    CAD: 'канадських доларів',
    SEK: 'шведських крон',
    NOK: 'норвезьких крон',
    ISK: 'ісландських крон',
  },
};

/**
 * Intl formatters are costly to build (tens of microseconds each) and cheap to reuse: one per
 * locale and kind, kept for the life of the process (a handful of locales at most).
 */
const formatters = new Map<string, Intl.NumberFormat>();
function cached(key: string, build: () => Intl.NumberFormat): Intl.NumberFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "€7.1bn", "£200m"; in Ukrainian "7,1 млрд євро", "200 млн фунтів стерлінгів". */
export function formatAmount(
  amount: number,
  currency: string,
  strings: Pick<Strings, 'locale' | 'language'>,
): string {
  const { locale, language } = strings;
  const currencyName = pick(CURRENCY_NAMES, language)[currency];
  // The genitive plural reads right only after a compact unit ("тис.", "млн", "млрд").
  if (currencyName !== undefined && amount >= 1000) {
    const number = cached(
      'uk-compact',
      () =>
        new Intl.NumberFormat('uk', {
          notation: 'compact',
          compactDisplay: 'short',
          maximumFractionDigits: 2,
        }),
    ).format(amount);
    return `${number} ${currencyName}`;
  }
  return cached(
    `currency|${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        compactDisplay: 'long',
        minimumFractionDigits: 0,
        maximumFractionDigits: 2,
      }),
  ).format(amount);
}

/** A short readable name for a source: its host, without "www.". */
export function sourceLabel(url: SourceRef, articleLabel: string): string {
  if (url === ARTICLE_SOURCE) return articleLabel;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
