const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days since 1970-01-01 for an ISO date: the unit of every time axis and colour scale here. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function parts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

/** "12 Jul 2023". Month names are spelled here, not by Intl, so the picture never varies with ICU. */
export function shortDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "12 July 2023", for alt text. */
export function longDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${day} ${MONTHS_LONG[month - 1]} ${year}`;
}

/** "Jul 2023" */
export function monthLabel(isoDate: string): string {
  const [year, month] = parts(isoDate);
  return `${MONTHS[month - 1]} ${year}`;
}

export function monthName(isoDate: string): string {
  return MONTHS[parts(isoDate)[1] - 1] ?? '';
}

/** The first day of the month of `isoDate`, plus `offset` months. */
export function monthStart(isoDate: string, offset = 0): string {
  const [year, month] = parts(isoDate);
  return new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
}
