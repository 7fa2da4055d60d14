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

export type PostingTimeCheck =
  { kind: 'ok'; hour: number; minute: number } | { kind: 'invalid'; reason: 'format' };

/** Parses "9", "09:30", "9.30", "21:05"; whether the zone's clock changes allow it is separate. */
export function checkPostingTime(input: string): PostingTimeCheck {
  const match = /^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*$/i.exec(input);
  if (!match) return { kind: 'invalid', reason: 'format' };
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return { kind: 'invalid', reason: 'format' };
  return { kind: 'ok', hour, minute };
}

/**
 * Local clock times, in minutes from midnight, that a zone's clock changes skip or repeat:
 * [start, end). `end` may pass 1440 for a change across midnight.
 */
export interface ClockChangeWindow {
  start: number;
  end: number;
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
/** Offsets are sampled this often; clocks never change twice within it. */
const SAMPLE_MS = 24 * 60 * MINUTE_MS;
/** A year ahead holds every change of a zone's current rules, spring and autumn. */
const LOOKAHEAD_MS = 366 * 24 * 60 * MINUTE_MS;

/**
 * The local times a zone's clock changes touch within the year from `now`, merged where they
 * meet. A change from offset a to offset b at instant T makes the local times from T+min(a,b) to
 * T+max(a,b) happen twice (clocks back) or not at all (clocks forward). UTC, Asia/Tokyo and every
 * zone without changes have none. Empty for a zone the runtime does not know.
 */
export function clockChangeWindows(zone: string, now: Date): ClockChangeWindow[] {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) return [];
  const offsetAt = (ms: number) => iana.offset(ms);
  const windows: ClockChangeWindow[] = [];
  const from = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  let before = offsetAt(from);
  for (let at = from + SAMPLE_MS; at <= from + LOOKAHEAD_MS; at += SAMPLE_MS) {
    const after = offsetAt(at);
    if (after === before) continue;
    // The first minute with the new offset, by halving the sample step.
    let lo = at - SAMPLE_MS;
    let hi = at;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / MINUTE_MS / 2) * MINUTE_MS;
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    const utcMinute = Math.floor(hi / MINUTE_MS);
    const start = mod(utcMinute + Math.min(before, after), DAY_MINUTES);
    windows.push({ start, end: start + Math.abs(after - before) });
    before = after;
  }
  return mergeWindows(windows);
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function mergeWindows(windows: ClockChangeWindow[]): ClockChangeWindow[] {
  const merged: ClockChangeWindow[] = [];
  for (const w of [...windows].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged.at(-1);
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  // A window running past midnight can meet the first one of the day (Santiago: 23:00–01:00).
  const first = merged[0];
  const last = merged.at(-1);
  if (first && last && last !== first && last.end >= first.start + DAY_MINUTES) {
    merged.shift();
    last.end = Math.max(last.end, first.end + DAY_MINUTES);
  }
  return merged;
}

/**
 * Refuse a posting time only where the zone's own clock changes make it skipped or repeated:
 * 03:00–03:59 in Kyiv (03:00→04:00 in March, 04:00→03:00 in October), 01:00–02:59 in New York
 * (02:00→03:00 in March, 02:00→01:00 in November), nothing in UTC or Tokyo, which never change.
 * A time that exists exactly once on every day is accepted whatever its hour: refusing midnight to
 * 04:00 everywhere refused UTC servers for a problem they do not have. The due computation would
 * still cope with a skipped or doubled time (the post log is keyed by the local date), but a post
 * an hour late or early on one day a year is a surprise an admin should be warned of up front.
 * Returns the window the time falls in, or null if it is safe.
 */
export function clockChangeAt(
  zone: string,
  hour: number,
  minute: number,
  now: Date,
): ClockChangeWindow | null {
  const at = hour * 60 + minute;
  return (
    clockChangeWindows(zone, now).find(
      (w) =>
        (at >= w.start && at < w.end) || (at + DAY_MINUTES >= w.start && at + DAY_MINUTES < w.end),
    ) ?? null
  );
}

/** "03:00": a minute of the day as a clock shows it. */
export function clockTime(minutes: number): string {
  const m = mod(minutes, DAY_MINUTES);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
