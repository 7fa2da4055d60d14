import { DateTime, IANAZone } from 'luxon';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { choice } from '../lookup/choices.js';
import { LIMITS } from '../render/limits.js';

/**
 * Zones Node 20's Intl list lacks although they work when used (Europe/Kyiv since tzdata 2022b,
 * UTC always). Europe/Kiev is the old spelling of the same zone: still accepted, never suggested.
 */
const MISSING_FROM_INTL = ['Europe/Kyiv', 'UTC'];
const NOT_SUGGESTED = new Set(['Europe/Kiev']);

/** Other names people type for a zone's city, so "kiev" and "київ" both find Europe/Kyiv. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Europe/Kyiv': ['kiev', 'kyiv', 'київ', 'киев', 'ukraine', 'україна'],
  UTC: ['gmt', 'utc', 'universal', 'zulu'],
};

const ZONE_NAME = /^(UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

let cachedZones: readonly string[] | null = null;

/** Every zone we suggest: the Intl list plus the ones it lacks, sorted. */
export function allTimeZones(): readonly string[] {
  cachedZones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), ...MISSING_FROM_INTL])]
    .filter((zone) => !NOT_SUGGESTED.has(zone))
    .sort();
  return cachedZones;
}

export type TimeZoneCheck =
  { kind: 'ok'; name: string } | { kind: 'invalid'; suggestions: string[] };

/**
 * Checks a zone by using it. A name typed in another case is given in our list's case; a name
 * that is valid but not in the list (an old alias) is kept as the admin typed it.
 */
export function checkTimeZone(input: string): TimeZoneCheck {
  const trimmed = input.trim();
  const listed = allTimeZones().find((zone) => zone.toLowerCase() === trimmed.toLowerCase());
  if (listed) return { kind: 'ok', name: listed };
  if (isValidTimeZone(trimmed)) return { kind: 'ok', name: trimmed };
  return { kind: 'invalid', suggestions: matchTimeZones(trimmed).slice(0, 5) };
}

export function isValidTimeZone(name: string): boolean {
  return ZONE_NAME.test(name) && IANAZone.isValidZone(name);
}

function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Zones matching a query: whole name, then a name or city that starts with it, then contains it. */
export function matchTimeZones(query: string): string[] {
  const q = fold(query);
  if (q === '') return [...allTimeZones()];
  const ranked: { zone: string; rank: number }[] = [];
  for (const zone of allTimeZones()) {
    const name = zone.toLowerCase();
    const city = name.slice(name.lastIndexOf('/') + 1);
    const aliases = ALIASES[zone] ?? [];
    let rank: number;
    if (name === q || aliases.includes(q)) rank = 0;
    else if (city.startsWith(q) || aliases.some((a) => a.startsWith(q))) rank = 1;
    else if (name.startsWith(q)) rank = 2;
    else if (name.includes(q) || aliases.some((a) => a.includes(q))) rank = 3;
    else continue;
    ranked.push({ zone, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone)).map((r) => r.zone);
}

/** "UTC+2", "UTC−3:30": the zone's offset at `now`, for the choice label. */
export function offsetLabel(zone: string, now: Date): string {
  const minutes = DateTime.fromJSDate(now, { zone }).offset;
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** Autocomplete for a time-zone option: at most 25 choices, each showing the offset now. */
export function suggestTimeZones(
  query: string,
  now: Date,
): APIApplicationCommandOptionChoice<string>[] {
  return matchTimeZones(query)
    .slice(0, LIMITS.autocompleteChoices)
    .map((zone) => choice(`${zone} (${offsetLabel(zone, now)})`, zone));
}

/**
 * The earliest hour we accept for a posting time. Clocks change between 00:00 and 04:00 local
 * time in Europe (03:00→04:00 in spring and 04:00→03:00 in autumn in Kyiv), North America
 * (02:00), Australia, New Zealand, Chile and most other places that change them, so a time from
 * 04:00 on exists exactly once on every day. Refusing the small hours is simpler and more honest
 * than explaining to an admin why 03:30 was skipped or came twice. The due computation still copes
 * with a gap or an overlap anywhere (a skipped time posts at the first instant after the gap; a
 * repeated time posts once, because the post log is keyed by the local date), for the few zones
 * that change at other hours.
 */
export const EARLIEST_POSTING_HOUR = 4;

export type PostingTimeCheck =
  | { kind: 'ok'; hour: number; minute: number }
  | { kind: 'invalid'; reason: 'format' | 'small-hours' };

/** Parses "9", "09:30", "9.30", "21:05" and refuses times from 00:00 to 03:59. */
export function checkPostingTime(input: string): PostingTimeCheck {
  const match = /^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*$/i.exec(input);
  if (!match) return { kind: 'invalid', reason: 'format' };
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return { kind: 'invalid', reason: 'format' };
  if (hour < EARLIEST_POSTING_HOUR) return { kind: 'invalid', reason: 'small-hours' };
  return { kind: 'ok', hour, minute };
}
