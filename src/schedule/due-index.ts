import type { Dataset } from '../data/load.js';
import type { GuildSettings } from '../store/domain.js';
import type { Versioned } from '../store/ports.js';
import { nextPostingTime } from './due.js';

/**
 * When a server's posts can next come due after `afterMs`, by one way posts come due; null when
 * they never do under these settings. The index sleeps a server until the earliest answer of all
 * rules: a post kind that comes due some other way than at the posting time adds its own rule.
 * A rule may answer early (the server is then computed for nothing), never late.
 */
export type NextDueRule = (
  afterMs: number,
  settings: GuildSettings,
  data: Dataset,
) => number | null;

/** Anniversaries, digests and prompts all come due at the server's posting time. */
export const NEXT_DUE_RULES: readonly NextDueRule[] = [nextPostingTime];

/** What the index knows of one server since it last computed it. */
interface Known {
  /** The settings it was computed with (null: it had none): other settings mean other posts. */
  settings: Versioned<GuildSettings> | null;
  /** Nothing can come due before this (ms); Infinity: not until the settings change. */
  quietUntil: number;
  /** The tick it was last seen in: a server absent from a tick is computed when it returns. */
  tick: number;
}

/** A wake-up: `known` is the record it was queued for, so a replaced record's wake-up is stale. */
interface WakeUp {
  at: number;
  id: string;
  known: Known;
}

/** Plain-data equality (settings are JSON), shortcut by identity for a backend that keeps one copy. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameData(item, b[i]));
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => sameData(recordA[key], recordB[key]));
}

/** A binary min-heap of wake-ups by instant: a steady tick pops only those whose time has come. */
class WakeQueue {
  private items: WakeUp[] = [];

  get length(): number {
    return this.items.length;
  }

  push(item: WakeUp): void {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.at <= item.at) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }

  /** Removes and returns the earliest wake-up at or before `atMs`, if any. */
  popDue(atMs: number): WakeUp | undefined {
    const items = this.items;
    const top = items[0];
    if (top === undefined || top.at > atMs) return undefined;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right]!.at < items[left]!.at ? right : left;
        if (items[child]!.at >= last.at) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }

  /** Keeps only the wake-ups `keep` accepts (rebuilt in O(n)): drops stale ones. */
  filter(keep: (item: WakeUp) => boolean): void {
    // A sorted array is a valid heap.
    this.items = this.items.filter(keep).sort((a, b) => a.at - b.at);
  }

  clear(): void {
    this.items = [];
  }
}

/** Ticks between sweeps of servers that left (and of stale wake-ups): a day of minute ticks. */
const SWEEP_EVERY_TICKS = 1440;

/**
 * Which servers a tick must compute. `computeDue` over every server every minute costs the bot
 * most of a tick at 100,000 servers, yet a server whose posts are all settled cannot have a new
 * one before its next posting time: the index remembers that instant per server in a wake-up
 * queue ordered by instant, and a steady tick computes only the servers whose instant has come,
 * whose settings changed (the settings port's change feed says which), that are new to the
 * tick (a partition just taken over) or whose work was open. The answer stays exactly
 * `computeDueForGuilds`'s (tests/schedule/due-index.test.ts checks it on random settings,
 * ledgers, changes and clocks).
 *
 * A server computed at t0 is left out of later ticks only when, at t0, nothing was due or
 * missed, no entry of its ledger was an open claim (a claim can lapse and be due again), and
 * after t0 its settings do not change, it is in every tick, and the clock does not go back. Its
 * ledger can then only gain settled keys, so before `quietUntil` every post computeDue could
 * name came due by t0 and was settled then. Anything else: computed again.
 */
export class DueIndex {
  private readonly known = new Map<string, Known>();
  private readonly queue = new WakeQueue();
  private tick = 0;
  private lastNowMs = Number.NEGATIVE_INFINITY;
  /**
   * Where this index stands in the settings port's change feed (SettingsPort.changes); null
   * before its first tick. Kept by the caller (loadDue), which reads the feed.
   */
  settingsCursor: number | null = null;

  constructor(
    private readonly data: Dataset,
    private readonly rules: readonly NextDueRule[] = NEXT_DUE_RULES,
  ) {}

  /**
   * Of the known servers among `guildIds`, those whose settings differ from what they were
   * computed with: the change set when the store cannot say what changed (no feed, or a feed
   * that lost track). Costs a pass over every server.
   */
  changedAmong(
    guildIds: readonly string[],
    settings: ReadonlyMap<string, Versioned<GuildSettings>>,
  ): string[] {
    const changed: string[] = [];
    for (const id of guildIds) {
      const known = this.known.get(id);
      if (known === undefined) continue;
      const current = settings.get(id);
      const same =
        known.settings === null
          ? current === undefined
          : current !== undefined &&
            known.settings.version === current.version &&
            sameData(known.settings.value, current.value);
      if (!same) changed.push(id);
    }
    return changed;
  }

  /**
   * The servers of this tick that must be computed now. `changed`: servers whose settings may
   * have changed since the last tick (more is harmless; fewer is wrong). Every server of the
   * tick is named in `guildIds`, so one left out of a tick is computed when it comes back.
   */
  select(now: Date, guildIds: readonly string[], changed: Iterable<string>): string[] {
    const nowMs = now.getTime();
    // A clock that went back could make posts due again that were settled "later": start over.
    if (nowMs < this.lastNowMs) {
      this.known.clear();
      this.queue.clear();
    }
    this.lastNowMs = nowMs;
    const previous = this.tick;
    this.tick += 1;
    if (this.tick % SWEEP_EVERY_TICKS === 0) this.sweep(previous);
    const selected: string[] = [];
    // The one pass over every server: a map lookup each. New, returning or busy servers (not
    // known, or absent last tick) are computed; the rest are marked present.
    for (const id of guildIds) {
      const known = this.known.get(id);
      if (known !== undefined && known.tick === previous) known.tick = this.tick;
      else selected.push(id);
    }
    // Present and quiet until now: computed when their wake-up comes or their settings change.
    const woken = new Set<string>();
    const wake = (id: string, known: Known | undefined) => {
      if (known === undefined || known.tick !== this.tick || woken.has(id)) return;
      woken.add(id);
      selected.push(id);
    };
    for (let item = this.queue.popDue(nowMs); item; item = this.queue.popDue(nowMs)) {
      const known = this.known.get(item.id);
      // A record replaced since it was queued has a wake-up of its own.
      if (known === item.known) wake(item.id, known);
    }
    for (const id of changed) wake(id, this.known.get(id));
    return selected;
  }

  /**
   * After computing `guildIds` (what select returned) at `now`: `settings` has those of them
   * that have any, `busy` those with a post due or missed, or an open claim in their ledger,
   * read after the post log was.
   */
  record(
    now: Date,
    guildIds: readonly string[],
    settings: ReadonlyMap<string, Versioned<GuildSettings>>,
    busy: ReadonlySet<string>,
  ): void {
    const nowMs = now.getTime();
    for (const id of guildIds) {
      if (busy.has(id)) {
        this.known.delete(id);
        continue;
      }
      const current = settings.get(id) ?? null;
      const known: Known = {
        settings: current,
        // No settings: nothing can come due until some are written (the change feed says).
        quietUntil:
          current === null ? Number.POSITIVE_INFINITY : this.quietUntil(nowMs, current.value),
        tick: this.tick,
      };
      this.known.set(id, known);
      if (Number.isFinite(known.quietUntil)) this.queue.push({ at: known.quietUntil, id, known });
    }
  }

  /** How many servers the index holds as quiet; for tests and the bench. */
  get size(): number {
    return this.known.size;
  }

  /** Forgets servers absent since before `previous` and the wake-ups no record owns. */
  private sweep(previous: number): void {
    for (const [id, known] of this.known) if (known.tick < previous) this.known.delete(id);
    this.queue.filter((item) => this.known.get(item.id) === item.known);
  }

  private quietUntil(nowMs: number, settings: GuildSettings): number {
    let until = Number.POSITIVE_INFINITY;
    for (const rule of this.rules) {
      const next = rule(nowMs, settings, this.data);
      if (next !== null && next < until) until = next;
    }
    return until;
  }
}
