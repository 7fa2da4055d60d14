import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propertyRuns } from '../helpers/property-runs.js';
import { computeDueForGuilds, type DuePost } from '../../src/schedule/due.js';
import { DueIndex } from '../../src/schedule/due-index.js';
import type { GuildSettings } from '../../src/store/domain.js';
import type { Versioned } from '../../src/store/ports.js';
import { guildSettings } from '../helpers/settings.js';
import { data, prompts } from './helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.parse('2026-02-14T00:00:00.000Z');
const ids = Array.from({ length: 6 }, (_, i) => `10000000000000000${i + 1}`);

const settingsArb: fc.Arbitrary<GuildSettings> = fc
  .record({
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 15, 30, 59),
    timeZone: fc.constantFrom(
      'Europe/Kyiv',
      'UTC',
      'America/New_York',
      'Asia/Kathmandu',
      'No/Such',
    ),
    paused: fc.boolean(),
    anniversaries: fc.boolean(),
    digest: fc.record({ enabled: fc.boolean(), weekday: fc.integer({ min: 1, max: 7 }) }),
    prompts: fc.constantFrom('daily' as const, 'weekly' as const, 'off' as const),
    activeSince: fc
      .integer({ min: -3 * 24, max: 48 })
      .map((hours) => new Date(START + hours * HOUR).toISOString()),
  })
  .map((fields) => guildSettings({ ...fields, paused: fields.paused && fields.hour % 3 === 0 }));

/** What happens in one step of the world: time moves, settings change, posts are worked on. */
const stepArb = fc.record({
  advanceMinutes: fc.oneof(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 1, max: 90 }),
    fc.integer({ min: 60, max: 2 * 24 * 60 }),
    fc.integer({ min: -120, max: -1 }),
  ),
  change: fc.option(
    fc.record({
      guild: fc.integer({ min: 0, max: ids.length - 1 }),
      settings: fc.option(settingsArb, { nil: null }),
      // The JSON backend numbers a guild set up again after /schedule off from 1 again.
      sameVersion: fc.boolean(),
    }),
    { nil: null },
  ),
  /** How the index learns of changes this tick. */
  learn: fc.constantFrom<Learn>('feed', 'feed', 'feed+extra', 'compare'),
  /** Left out of this tick (a partition moved, a server in flight). */
  absent: fc.option(fc.integer({ min: 0, max: ids.length - 1 }), { nil: null }),
  /** What becomes of each post due now: settled, claimed (by someone who may die), or left. */
  fates: fc.array(fc.constantFrom('settle', 'claim', 'leave', 'settle'), { maxLength: 12 }),
  /** Claims whose worker finishes now. */
  settleClaims: fc.boolean(),
});

interface Claim {
  leaseUntil: number;
}

/** A ledger as the runner sees it: settled keys, and claims that block work while leased. */
class World {
  settings = new Map<string, Versioned<GuildSettings>>();
  settled = new Map<string, Set<string>>();
  claims = new Map<string, Map<string, Claim>>();
  /** Servers whose settings were written since the last takeChanges (the store's change feed). */
  private changes: string[] = [];

  setSettings(id: string, value: Versioned<GuildSettings> | null): void {
    if (value === null) this.settings.delete(id);
    else this.settings.set(id, value);
    this.changes.push(id);
  }

  takeChanges(): string[] {
    const taken = this.changes;
    this.changes = [];
    return taken;
  }

  postLog(id: string, nowMs: number): Set<string> {
    const keys = new Set(this.settled.get(id));
    for (const [key, claim] of this.claims.get(id) ?? []) {
      if (claim.leaseUntil > nowMs) keys.add(key);
    }
    return keys;
  }

  openClaims(guilds: readonly string[]): Set<string> {
    return new Set(guilds.filter((id) => (this.claims.get(id)?.size ?? 0) > 0));
  }

  settle(id: string, key: string): void {
    this.claims.get(id)?.delete(key);
    let keys = this.settled.get(id);
    if (!keys) this.settled.set(id, (keys = new Set()));
    keys.add(key);
  }

  claim(id: string, key: string, leaseUntil: number): void {
    let claims = this.claims.get(id);
    if (!claims) this.claims.set(id, (claims = new Map<string, Claim>()));
    claims.set(key, { leaseUntil });
  }
}

/**
 * Posts grouped by server in `guilds` order, each server's own order kept: the index names the
 * servers it wakes after the rest, and the runner groups posts by server anyway.
 */
function byServer(posts: readonly DuePost[], guilds: readonly string[]): DuePost[] {
  const position = new Map(guilds.map((id, i) => [id, i]));
  return [...posts].sort((a, b) => position.get(a.guildId)! - position.get(b.guildId)!);
}

function computeAll(world: World, nowMs: number, guilds: readonly string[]): DuePost[] {
  return computeDueForGuilds({
    now: new Date(nowMs),
    guildIds: guilds,
    settingsFor: (id) => world.settings.get(id)?.value,
    postLogFor: (id) => world.postLog(id, nowMs),
    data,
    prompts,
  });
}

/**
 * How the index learns what changed: from the store's change feed (exact, or naming extra
 * servers), or, when the store cannot say, by comparing every server's settings.
 */
type Learn = 'feed' | 'feed+extra' | 'compare';

/**
 * The runner's fast path, as loadDue runs it: what changed, select, compute the selected (those
 * with settings), record. `changedSince` is the world's change log since the last tick.
 */
function computeIndexed(
  index: DueIndex,
  world: World,
  nowMs: number,
  guilds: readonly string[],
  learn: Learn = 'feed',
) {
  const now = new Date(nowMs);
  const changedSince = world.takeChanges();
  let changed: readonly string[];
  if (learn === 'compare') changed = index.changedAmong(guilds, world.settings);
  else if (learn === 'feed+extra') changed = [...changedSince, ...guilds.slice(0, 2)];
  else changed = changedSince;
  const selected = index.select(now, guilds, changed);
  // Only the selected servers' settings are read, as on the feed path.
  const settings = new Map(
    selected.flatMap((id) => {
      const found = world.settings.get(id);
      return found ? [[id, found] as const] : [];
    }),
  );
  const computed = selected.filter((id) => settings.has(id));
  const due = computeAll(world, nowMs, computed);
  const busy = world.openClaims(computed);
  for (const post of due) busy.add(post.guildId);
  index.record(now, selected, settings, busy);
  return { due, selected: computed };
}

describe('GIVEN the due index beside computing every server', () => {
  test('WHEN random settings, ledgers, absences and clocks (backwards too) play out THEN every tick yields exactly the posts of computeDueForGuilds', () => {
    let skippedSomewhere = 0;
    fc.assert(
      fc.property(
        fc.array(settingsArb, { minLength: ids.length, maxLength: ids.length }),
        fc.array(stepArb, { minLength: 5, maxLength: 40 }),
        (initial, steps) => {
          const world = new World();
          initial.forEach((s, i) => world.settings.set(ids[i]!, { value: s, version: 1 }));
          const index = new DueIndex(data);
          let nowMs = START;
          for (const step of steps) {
            nowMs += step.advanceMinutes * MINUTE;
            if (step.change) {
              const id = ids[step.change.guild]!;
              const before = world.settings.get(id);
              if (step.change.settings === null) world.setSettings(id, null);
              else {
                const version = step.change.sameVersion
                  ? (before?.version ?? 1)
                  : (before?.version ?? 0) + 1;
                world.setSettings(id, { value: step.change.settings, version });
              }
            }
            if (step.settleClaims) {
              for (const [id, claims] of world.claims)
                for (const key of [...claims.keys()]) world.settle(id, key);
            }
            const served = ids.filter((_, i) => i !== step.absent);
            const full = computeAll(world, nowMs, served);
            const fast = computeIndexed(index, world, nowMs, served, step.learn);
            expect(byServer(fast.due, served)).toEqual(full);
            skippedSomewhere += served.length - fast.selected.length;
            // The world moves on as the runner would leave it.
            full.forEach((post, i) => {
              const fate = step.fates[i] ?? 'settle';
              if (fate === 'settle') world.settle(post.guildId, post.key);
              else if (fate === 'claim')
                world.claim(post.guildId, post.key, nowMs + 1 + (i % 3) * 30 * MINUTE);
            });
          }
        },
      ),
      { numRuns: propertyRuns(150) },
    );
    // The comparison means something only if the index did leave servers out.
    expect(skippedSomewhere).toBeGreaterThan(0);
  }, 120_000);

  test('WHEN a day of minute ticks passes with every post settled THEN each server is computed about once a day, not once a minute', () => {
    const world = new World();
    ids.forEach((id, i) =>
      world.settings.set(id, {
        value: guildSettings({ hour: 4 + i * 3, prompts: 'daily', timeZone: 'UTC' }),
        version: 1,
      }),
    );
    const index = new DueIndex(data);
    let computed = 0;
    let posts = 0;
    for (let nowMs = START + 12 * HOUR; nowMs < START + 36 * HOUR; nowMs += MINUTE) {
      const { due, selected } = computeIndexed(index, world, nowMs, ids);
      const full = computeAll(world, nowMs, ids);
      expect(byServer(due, ids)).toEqual(full);
      computed += selected.length;
      posts += due.length;
      for (const post of due) world.settle(post.guildId, post.key);
    }
    // The first tick computes all 6, each with yesterday's missed posts, so each is busy and
    // computed once more the tick after; then each once at its posting time and once the tick
    // after (it had a post): 1,440 ticks, 24 computations, where computing all costs 8,640.
    expect(posts).toBeGreaterThan(ids.length);
    expect(computed).toBe(ids.length * 4);
  });
});
