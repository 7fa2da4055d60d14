import type { Strings } from '../../i18n/index.js';

/**
 * Month names come from the typed strings, not from Intl, so a picture never varies with the
 * machine's ICU data.
 */
export type PictureStrings = Strings['pictures'];

/** Days since 1970-01-01 for an ISO date: the unit of every time axis and colour scale here. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

function parts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

/** "12 Jul 2023", "12 лип. 2023". */
export function shortDate(isoDate: string, p: PictureStrings): string {
  const [year, month, day] = parts(isoDate);
  return `${day} ${p.monthsShort[month - 1]} ${year}`;
}

/** "12 Jul", "12 лип.": a day on a chart that shows the year elsewhere. */
export function shortDay(isoDate: string, p: PictureStrings): string {
  const [, month, day] = parts(isoDate);
  return `${day} ${p.monthsShort[month - 1]}`;
}

/** "12 July 2023", "12 липня 2023", for alt text. */
export function longDate(isoDate: string, p: PictureStrings): string {
  const [year, month, day] = parts(isoDate);
  return `${day} ${p.monthsInDate[month - 1]} ${year}`;
}

/** "11–12 Jul 2023": days of one month, as the NATO summits are. */
export function dayRange(start: string, end: string, p: PictureStrings, long = false): string {
  const [year, month, first] = parts(start);
  const last = parts(end)[2];
  const months = long ? p.monthsInDate : p.monthsShort;
  return `${first}–${last} ${months[month - 1]} ${year}`;
}

/** "July 2024", "липень 2024": a month on its own. */
export function monthAndYear(isoDate: string, p: PictureStrings): string {
  const [year, month] = parts(isoDate);
  return `${p.monthsAlone[month - 1]} ${year}`;
}

/** "Jul", "лип." */
export function monthName(isoDate: string, p: PictureStrings): string {
  return p.monthsShort[parts(isoDate)[1] - 1] ?? '';
}

/** The first day of the month of `isoDate`, plus `offset` months. */
export function monthStart(isoDate: string, offset = 0): string {
  const [year, month] = parts(isoDate);
  return new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
}
