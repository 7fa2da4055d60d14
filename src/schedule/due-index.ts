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
  /** The settings it was computed with: other settings mean other posts. */
  settings: Versioned<GuildSettings>;
  /** Nothing can come due before this (ms); Infinity: not until the settings change. */
  quietUntil: number;
  /** The tick it was last selected or skipped in: a server absent from a tick is forgotten. */
  tick: number;
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

/**
 * Which servers a tick must compute. `computeDue` over every server every minute costs the bot
 * most of a tick at 100,000 servers, yet a server whose posts are all settled cannot have a new
 * one before its next posting time: the index remembers that instant per server and leaves the
 * server out until then, so a steady tick loads the ledger for, and computes, only the servers
 * whose time has come or whose work is open. The answer stays exactly `computeDueForGuilds`'s
 * (tests/schedule/due-index.test.ts checks it on random settings, ledgers and clocks).
 *
 * A server computed at t0 is left out of later ticks only when, at t0, nothing was due or
 * missed, no entry of its ledger was an open claim (a claim can lapse and be due again), and
 * after t0 it keeps the same settings, is in every tick, and the clock does not go back. Its
 * ledger can then only gain settled keys, so before `quietUntil` every post computeDue could
 * name came due by t0 and was settled then. Anything else: computed again.
 */
export class DueIndex {
  private readonly known = new Map<string, Known>();
  private tick = 0;
  private lastNowMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly data: Dataset,
    private readonly rules: readonly NextDueRule[] = NEXT_DUE_RULES,
  ) {}

  /**
   * The servers of this tick that must be computed now. Every server of the tick is named here
   * (those without settings too), so one left out of a tick is forgotten.
   */
  select(
    now: Date,
    guildIds: readonly string[],
    settings: ReadonlyMap<string, Versioned<GuildSettings>>,
  ): string[] {
    const nowMs = now.getTime();
    // A clock that went back could make posts due again that were settled "later": start over.
    if (nowMs < this.lastNowMs) this.known.clear();
    this.lastNowMs = nowMs;
    const previous = this.tick;
    this.tick += 1;
    const selected: string[] = [];
    for (const id of guildIds) {
      const current = settings.get(id);
      const known = this.known.get(id);
      const quiet =
        known !== undefined &&
        current !== undefined &&
        known.tick === previous &&
        nowMs < known.quietUntil &&
        known.settings.version === current.version &&
        sameData(known.settings.value, current.value);
      if (quiet) known.tick = this.tick;
      else {
        // No settings: computeDue is not run for it at all; forget it until it has some.
        if (current === undefined) this.known.delete(id);
        else selected.push(id);
      }
    }
    return selected;
  }

  /**
   * After computing `guildIds` (what select returned) at `now`: `busy` holds those with a post
   * due or missed, or an open claim in their ledger, read after the post log was.
   */
  record(
    now: Date,
    guildIds: readonly string[],
    settings: ReadonlyMap<string, Versioned<GuildSettings>>,
    busy: ReadonlySet<string>,
  ): void {
    const nowMs = now.getTime();
    for (const id of guildIds) {
      const current = settings.get(id);
      if (current === undefined || busy.has(id)) {
        this.known.delete(id);
        continue;
      }
      this.known.set(id, {
        settings: current,
        quietUntil: this.quietUntil(nowMs, current.value),
        tick: this.tick,
      });
    }
  }

  /** How many servers the index holds as quiet; for tests and the bench. */
  get size(): number {
    return this.known.size;
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
