import { createHash } from 'node:crypto';
import { DateTime, IANAZone } from 'luxon';
import type { Dataset } from '../data/load.js';
import type { Agreement } from '../data/schema.js';
import { languageOf } from '../i18n/index.js';
import {
  renderAnniversaryPost,
  renderChangePost,
  renderDigestPost,
  renderPromptPost,
  yearsSince,
  type PostBody,
  type ScheduledMessage,
  type ThreadSpec,
  type UpcomingAnniversary,
} from '../render/posts.js';
import type { ChangesOptIn, GuildSettings, PostKind } from '../store/domain.js';
import { isSuggestionPromptId, suggestedByOf } from '../suggest/rotation.js';
import { markPromptSeen, nextPrompt, promptSources, type PromptBank } from './prompts.js';
import { CHANGE_WINDOW_DAYS, type ChangeEntry } from './schedule-index.js';

/**
 * How late a post may still go out: 6 hours. Long enough to cover a restart, a deploy or a short
 * outage, short enough that a post still lands on the day it names (09:00 posts by 15:00 at the
 * latest). Later than that it is logged as skipped, never posted.
 */
export const GRACE_MS = 6 * 60 * 60 * 1000;

/**
 * How far beyond the grace window missed posts are still reported (so the runner can log them as
 * skipped and `/schedule status` can say so). Older ones are not enumerated.
 */
export const MISSED_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** The settled keys of one guild's post log: any entry, posted, skipped or failed, settles a key. */
export interface PostedKeys {
  has(key: string): boolean;
}

interface DuePostBase {
  guildId: string;
  kind: PostKind;
  /**
   * Unique per guild: `anniversary:2026-02-16`, `digest:2026-W07`, `prompt:2026-02-16`,
   * `prompt:2026-W07`, or `change:<changelog id>` (one per change, whatever the day).
   */
  key: string;
  /** The server's local date the post belongs to. */
  localDate: string;
  /** When it came due: the server's hour:minute on that date, in its zone. */
  dueAt: Date;
}

export type DuePost =
  | (DuePostBase & {
      status: 'due';
      body: PostBody;
      /** The post without its poll, for a channel where Discord refuses the poll. */
      withoutPoll: PostBody | null;
      thread: ThreadSpec | null;
      /** For Discord's `nonce` + `enforce_nonce`: the same post sent twice is created once. */
      nonce: string;
      /** The prompt posted, for the runner to mark it seen; null for other kinds. */
      promptId: string | null;
    })
  | (DuePostBase & { status: 'missed' });

export interface ComputeDueInput {
  now: Date;
  guildId: string;
  settings: GuildSettings;
  postLog: PostedKeys;
  data: Dataset;
  prompts: PromptBank;
  graceMs?: number;
}

/**
 * The agreements whose anniversary falls on a local date: same month and day, at least a year
 * later. A 29 February signing is remembered on 28 February in years without one.
 */
export function anniversariesOn(data: Dataset, date: DateTime): Agreement[] {
  const { byMonthDay } = data.indexes.schedule;
  const monthDay = date.toFormat('MM-dd');
  const found = [...(byMonthDay.get(monthDay) ?? [])];
  if (monthDay === '02-28' && !date.isInLeapYear) found.push(...(byMonthDay.get('02-29') ?? []));
  return found.filter((a) => Number(a.signed.slice(0, 4)) < date.year);
}

export function isoWeekKey(date: DateTime): string {
  return `${date.weekYear}-W${String(date.weekNumber).padStart(2, '0')}`;
}

/** A whole number of weeks since 1970, for rotations that change once a week. */
function weekSerial(date: DateTime): number {
  const monday = date.startOf('week');
  return Math.floor(Date.UTC(monday.year, monday.month - 1, monday.day) / (7 * 86_400_000));
}

/** Discord nonces are at most 25 characters; the same guild and key always give the same one. */
export function postNonce(guildId: string, key: string): string {
  return createHash('sha256').update(`${guildId}:${key}`).digest('base64url').slice(0, 25);
}

/** One local calendar day of a zone, with what every server in that zone needs to know about it. */
interface LocalDay {
  date: DateTime;
  iso: string;
  weekday: number;
  week: string;
  hasAnniversaries: boolean;
}

interface Candidate {
  kind: PostKind;
  key: string;
  day: LocalDay;
}

function candidatesOn(day: LocalDay, settings: GuildSettings): Candidate[] {
  const found: Candidate[] = [];
  if (settings.anniversaries && day.hasAnniversaries) {
    found.push({ kind: 'anniversary', key: `anniversary:${day.iso}`, day });
  }
  const digestDay = day.weekday === settings.digest.weekday;
  if (settings.digest.enabled && digestDay) {
    found.push({ kind: 'digest', key: `digest:${day.week}`, day });
  }
  if (settings.prompts === 'daily') found.push({ kind: 'prompt', key: `prompt:${day.iso}`, day });
  if (settings.prompts === 'weekly' && digestDay) {
    found.push({ kind: 'prompt', key: `prompt:${day.week}`, day });
  }
  return found;
}

/*
 * Memos. Thousands of servers share a handful of zones and posting times, and luxon's date
 * arithmetic dominates the cost of a tick, so the days of a zone around an instant, the instant
 * of a local time and the rendered bodies are each computed once. They are caches of pure
 * functions of their keys: clearing them changes nothing but speed. They stay memos, not indexes
 * built with the data (data.indexes.schedule): their keys are zones, days and settings that the
 * clock and the servers bring, without end, so they are bounded and filled as asked.
 */
const MEMO_LIMIT = 20_000;
interface DayMemos {
  /** By zone and the two local dates. */
  byDates: Map<string, LocalDay[] | null>;
  /** By zone and span: the last instants asked and their answer. */
  lastAsked: Map<string, { fromMs: number; toMs: number; days: LocalDay[] | null }>;
}
const dayMemos = new WeakMap<Dataset, DayMemos>();
const instantMemo = new Map<string, number>();
/** Bodies depend on the data too: one memo per dataset (tests use altered copies). */
const renderMemos = new WeakMap<Dataset, Map<string, ScheduledMessage>>();

function remember<V>(memo: Map<string, V>, key: string, make: () => V): V {
  let value = memo.get(key);
  if (value === undefined && !memo.has(key)) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = make();
    memo.set(key, value);
  }
  return value as V;
}

const DAY_MS = 86_400_000;

/**
 * The serial number of the local calendar day an instant falls on in a zone (days since the local
 * 1970-01-01). Cheaper than a luxon DateTime: one offset look-up.
 */
function localDayNumber(zone: IANAZone, ms: number): number {
  return Math.floor((ms + zone.offset(ms) * 60_000) / DAY_MS);
}

/**
 * The local days of a zone from the one `fromMs` falls on to the one `toMs` falls on; null for a
 * zone the runtime does not know. The result depends only on the zone and those two local dates,
 * so that is the memo's key: keyed by the instants, as it once was, every tick and every
 * `/schedule status` added an entry (about 8 KB for a status's 16 days) that no later call could
 * hit, and the heap grew until the memo's cap cleared it. Now a zone adds a few entries a day.
 */
function localDays(data: Dataset, zone: string, fromMs: number, toMs: number): LocalDay[] | null {
  const memos: DayMemos = dayMemos.get(data) ?? { byDates: new Map(), lastAsked: new Map() };
  dayMemos.set(data, memos);
  // Every server of a tick asks with the same two instants: the last answer per zone and span
  // serves them without the offset look-ups (about 9 µs each, ten times the rest of a server's
  // share of a tick). One entry per zone and span, replaced, so it cannot grow with the calls.
  const span = `${zone}|${toMs - fromMs}`;
  const last = memos.lastAsked.get(span);
  if (last && last.fromMs === fromMs && last.toMs === toMs) return last.days;
  const iana = IANAZone.create(zone);
  if (!iana.isValid) return null;
  const key = `${zone}|${localDayNumber(iana, fromMs)}|${localDayNumber(iana, toMs)}`;
  const days = remember(memos.byDates, key, () => {
    // Any instant of a local day gives the same start of that day, so the first call's instants
    // stand for every later one with the same key.
    const today = DateTime.fromMillis(toMs, { zone }).startOf('day');
    if (!today.isValid) return null;
    const days: LocalDay[] = [];
    for (
      let date = DateTime.fromMillis(fromMs, { zone }).startOf('day');
      date <= today;
      date = date.plus({ days: 1 })
    ) {
      days.push({
        date,
        iso: date.toISODate()!,
        weekday: date.weekday,
        week: isoWeekKey(date),
        hasAnniversaries: anniversariesOn(data, date).length > 0,
      });
    }
    return days;
  });
  if (memos.lastAsked.size >= MEMO_LIMIT) memos.lastAsked.clear();
  memos.lastAsked.set(span, { fromMs, toMs, days });
  return days;
}

/** How many entries the memo of local days holds for a dataset; for tests of its growth. */
export function localDayMemoSize(data: Dataset): number {
  return dayMemos.get(data)?.byDates.size ?? 0;
}

/**
 * The instant of hour:minute on a local day. In a spring-forward gap luxon moves the time past
 * the gap; in an overlap it takes one of the two instants. Either way the date key makes it one
 * post.
 */
function instantOf(day: LocalDay, zone: string, hour: number, minute: number): number {
  return remember(instantMemo, `${zone}|${day.iso}|${hour}|${minute}`, () =>
    day.date.set({ hour, minute }).toMillis(),
  );
}

/**
 * What one server should post at `now`, and what it missed. A post is due once the server's
 * hour:minute has passed on a local date, for up to `graceMs` after; later it is reported
 * `missed`. A key already in the post log is never due again, whatever the clock does.
 * Paused, blocked or unconfigurable servers get nothing.
 */
export function computeDue({
  now,
  guildId,
  settings,
  postLog,
  data,
  prompts,
  graceMs = GRACE_MS,
}: ComputeDueInput): DuePost[] {
  if (settings.paused || settings.blocked !== null) return [];
  const zone = settings.timeZone;
  const nowMs = now.getTime();
  const days = localDays(data, zone, nowMs - graceMs - MISSED_LOOKBACK_MS, nowMs);
  if (!days) return [];
  const activeSince = Date.parse(settings.activeSince);

  const due: DuePost[] = [];
  let seen = settings.promptsSeen;
  for (const day of days) {
    const dueMs = instantOf(day, zone, settings.hour, settings.minute);
    if (dueMs > nowMs || dueMs < activeSince) continue;
    for (const candidate of candidatesOn(day, settings)) {
      if (postLog.has(candidate.key)) continue;
      const base = {
        guildId,
        kind: candidate.kind,
        key: candidate.key,
        localDate: day.iso,
        dueAt: new Date(dueMs),
      };
      if (nowMs - dueMs > graceMs) {
        due.push({ ...base, status: 'missed' });
        continue;
      }
      let promptId: string | null = null;
      if (candidate.kind === 'prompt') {
        promptId = nextPrompt(prompts, seen).id;
        seen = markPromptSeen(prompts, seen, promptId);
      }
      const message = render(candidate.kind, day, settings, data, prompts, promptId);
      due.push({
        ...base,
        status: 'due',
        // A copy of the top level, so a runner adding `nonce` does not touch the shared memo.
        body: { ...message.body },
        withoutPoll: message.withoutPoll,
        thread: message.thread,
        nonce: postNonce(guildId, candidate.key),
        promptId,
      });
    }
  }
  if (settings.changes) {
    const optIn = { optIn: settings.changes, activeSince, zone, nowMs, graceMs };
    due.push(...dueChanges(guildId, optIn, days, settings, postLog, data));
  }
  return due;
}

interface ChangeWindow {
  optIn: ChangesOptIn;
  activeSince: number;
  zone: string;
  nowMs: number;
  graceMs: number;
}

/**
 * The local ISO day an instant falls on in a zone: one offset look-up, not a luxon DateTime
 * (every opt-in instant differs, so a memo would not hit). The zone was checked by `localDays`.
 */
function localDateOf(zone: string, ms: number): string {
  const day = localDayNumber(IANAZone.create(zone), ms);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The changes a server that opted in should be told of now, in changelog order, each its own post.
 *
 * - Never for a change dated before the day of the opt-in (or of the last setup or resume, as for
 *   every kind: what came while the schedule was off is not posted). The changelog knows days,
 *   not instants, so a change of the opt-in day itself counts: it may have come after.
 * - Due at the server's posting time on or after the change's date (its local date), at the
 *   latest such time that has passed and is within the grace window. A change is not tied to one
 *   day as an anniversary is: one whose posting time passed while the bot was down, or that
 *   shipped after its date, comes due at the next posting time instead of being missed, for up
 *   to CHANGE_WINDOW_DAYS after its date. So it is never reported `missed`.
 * - One ledger key per change (`change:<id>`): once posted (or given up), never again.
 *
 * Several changes on one day are posted one after another rather than batched: each then
 * settles on its own in the ledger (one refused or failed post does not take the others with it,
 * and a change added later the same day still gets its post), and each carries its own sources.
 */
function dueChanges(
  guildId: string,
  { optIn, activeSince, zone, nowMs, graceMs }: ChangeWindow,
  days: readonly LocalDay[],
  settings: GuildSettings,
  postLog: PostedKeys,
  data: Dataset,
): DuePost[] {
  const boundaryMs = Math.max(Date.parse(optIn.since), activeSince);
  if (Number.isNaN(boundaryMs)) return [];
  let slot: { day: LocalDay; dueMs: number } | null = null;
  for (const day of days) {
    const dueMs = instantOf(day, zone, settings.hour, settings.minute);
    if (dueMs > nowMs || dueMs < boundaryMs || nowMs - dueMs > graceMs) continue;
    slot = { day, dueMs };
  }
  if (!slot) return [];
  const { changes } = data.indexes.schedule;
  // The common case on a tick: no change recent enough to be due. Decided before any date work.
  const newest = changes.at(-1);
  if (!newest || newest.until < slot.day.iso) return [];
  // An opt-in more than the window (and two days for any zone's offset) before this day cannot
  // exclude a change that is still in the window; only a recent one needs its local date.
  const longAgo = slot.day.date.toMillis() - (CHANGE_WINDOW_DAYS + 2) * DAY_MS;
  const firstDay = boundaryMs < longAgo ? '' : localDateOf(zone, boundaryMs);
  const found: DuePost[] = [];
  // Newest first, stopping at the first change outside the window: the changelog is in date
  // order, so a tick looks at the recent few, however long the changelog grows.
  for (let i = changes.length - 1; i >= 0; i -= 1) {
    const entry = changes[i]!;
    if (entry.change.date < firstDay || entry.until < slot.day.iso) break;
    if (entry.change.date > slot.day.iso || postLog.has(entry.key)) continue;
    const message = renderChange(entry, settings, data);
    found.push({
      guildId,
      kind: 'change',
      key: entry.key,
      localDate: slot.day.iso,
      dueAt: new Date(slot.dueMs),
      status: 'due',
      body: { ...message.body },
      withoutPoll: message.withoutPoll,
      thread: message.thread,
      nonce: postNonce(guildId, entry.key),
      promptId: null,
    });
  }
  return found.reverse();
}

function renderChange(
  entry: ChangeEntry,
  settings: GuildSettings,
  data: Dataset,
): ScheduledMessage {
  const ping = settings.pingRoleId;
  const language = languageOf(settings.language);
  const memo = renderMemos.get(data) ?? new Map<string, ScheduledMessage>();
  renderMemos.set(data, memo);
  return remember(memo, `change|${entry.key}|${ping}|${language}`, () =>
    renderChangePost({
      change: entry.change,
      records: entry.records,
      agreements: entry.agreements,
      pingRoleId: ping,
      language,
    }),
  );
}

/** When the next change post comes for a server, if one is pending within these days. */
function nextChangeTime(
  settings: GuildSettings,
  days: readonly LocalDay[],
  nowMs: number,
  postLog: PostedKeys,
  data: Dataset,
): Date | undefined {
  if (!settings.changes) return undefined;
  const boundaryMs = Math.max(Date.parse(settings.changes.since), Date.parse(settings.activeSince));
  if (Number.isNaN(boundaryMs)) return undefined;
  const firstDay = localDateOf(settings.timeZone, boundaryMs);
  const pending = data.indexes.schedule.changes.filter(
    (entry) => entry.change.date >= firstDay && !postLog.has(entry.key),
  );
  for (const day of days) {
    const dueMs = instantOf(day, settings.timeZone, settings.hour, settings.minute);
    if (dueMs <= nowMs || dueMs < boundaryMs) continue;
    const any = pending.some((e) => e.change.date <= day.iso && e.until >= day.iso);
    if (any) return new Date(dueMs);
  }
  return undefined;
}

function render(
  kind: PostKind,
  day: LocalDay,
  settings: GuildSettings,
  data: Dataset,
  prompts: PromptBank,
  promptId: string | null,
): ScheduledMessage {
  const ping = settings.pingRoleId;
  const cadence = settings.prompts === 'daily' ? 'daily' : 'weekly';
  // A server without a language setting (set up before it existed) gets English, as before.
  const language = languageOf(settings.language);
  const memoKey = `${kind}|${day.iso}|${ping}|${promptId}|${cadence}|${language}`;
  const memo = renderMemos.get(data) ?? new Map<string, ScheduledMessage>();
  renderMemos.set(data, memo);
  const renderPrompt = (): ScheduledMessage => {
    const prompt = prompts.byId.get(promptId!)!;
    return renderPromptPost({
      prompt,
      ...promptSources(prompt, data),
      cadence,
      localDate: day.iso,
      pingRoleId: ping,
      language,
      // Null for the built-in prompts, which is also renderPromptPost's default.
      suggestedBy: suggestedByOf(prompt),
    });
  };
  // A server's own suggested prompt is its alone (its id is unique only within the server): it
  // is rendered each time, never shared through the memo.
  if (kind === 'prompt' && isSuggestionPromptId(promptId)) return renderPrompt();
  return remember(memo, memoKey, () => {
    if (kind === 'anniversary') {
      return renderAnniversaryPost({
        localDate: day.iso,
        agreements: anniversariesOn(data, day.date),
        pingRoleId: ping,
        language,
      });
    }
    if (kind === 'digest') {
      return renderDigestPost({ ...digestInput(day.date, settings, data), language });
    }
    return renderPrompt();
  });
}

function digestInput(date: DateTime, settings: GuildSettings, data: Dataset) {
  const upcoming: UpcomingAnniversary[] = [];
  for (let day = 1; day <= 7; day += 1) {
    const next = date.plus({ days: day });
    const iso = next.toISODate()!;
    for (const agreement of anniversariesOn(data, next)) {
      upcoming.push({ date: iso, agreement, years: yearsSince(agreement.signed, iso) });
    }
  }
  const week = weekSerial(date);
  const { quotes } = data.indexes.schedule;
  const featured = data.agreements[week % data.agreements.length]!;
  return {
    localDate: date.toISODate()!,
    upcoming,
    featured,
    quote: quotes.length > 0 ? quotes[week % quotes.length]! : null,
    pingRoleId: settings.pingRoleId,
  };
}

export interface GuildsDueInput {
  now: Date;
  /** The servers this runner serves (later: the ones on this shard). */
  guildIds: Iterable<string>;
  settingsFor: (guildId: string) => GuildSettings | undefined;
  postLogFor: (guildId: string) => PostedKeys;
  data: Dataset;
  prompts: PromptBank;
  graceMs?: number;
}

/** computeDue over a set of servers; servers without settings are skipped. */
export function computeDueForGuilds({
  now,
  guildIds,
  settingsFor,
  postLogFor,
  data,
  prompts,
  graceMs = GRACE_MS,
}: GuildsDueInput): DuePost[] {
  const due: DuePost[] = [];
  for (const guildId of guildIds) {
    const settings = settingsFor(guildId);
    if (!settings) continue;
    due.push(
      ...computeDue({
        now,
        guildId,
        settings,
        postLog: postLogFor(guildId),
        data,
        prompts,
        graceMs,
      }),
    );
  }
  return due;
}

/** When each kind next comes due for a server (for `/schedule status`), within two weeks. */
export function nextDueTimes(
  now: Date,
  settings: GuildSettings,
  postLog: PostedKeys,
  data: Dataset,
): Partial<Record<PostKind, Date>> {
  const next: Partial<Record<PostKind, Date>> = {};
  const days = localDays(data, settings.timeZone, now.getTime(), now.getTime() + 15 * DAY_MS);
  for (const day of days ?? []) {
    const dueMs = instantOf(day, settings.timeZone, settings.hour, settings.minute);
    if (dueMs <= now.getTime()) continue;
    for (const candidate of candidatesOn(day, settings)) {
      if (!postLog.has(candidate.key)) next[candidate.kind] ??= new Date(dueMs);
    }
  }
  const change = nextChangeTime(settings, days ?? [], now.getTime(), postLog, data);
  if (change) next.change = change;
  return next;
}

/**
 * The first instant after `afterMs` at which the server's posting time (hour:minute in its zone)
 * falls: every anniversary, digest and prompt comes due at that time on some local day, so none
 * can come due earlier. Null for a zone the runtime does not know (nothing is ever due there).
 * For the due index (due-index.ts), which sleeps a server until then.
 */
export function nextPostingTime(
  afterMs: number,
  settings: GuildSettings,
  data: Dataset,
): number | null {
  // Two local days past the one `afterMs` is on always hold a posting time after it.
  for (const day of localDays(data, settings.timeZone, afterMs, afterMs + 2 * DAY_MS) ?? []) {
    const dueMs = instantOf(day, settings.timeZone, settings.hour, settings.minute);
    if (dueMs > afterMs) return dueMs;
  }
  return null;
}
