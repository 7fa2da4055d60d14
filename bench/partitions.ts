/**
 * Scheduled work split over processes by partition leases (docs/partitions.md), on a real
 * PostgreSQL (started here, as the tests do). Run with `npx tsx bench/partitions.ts` (part of
 * `npm run bench`). Not a test: the figures depend on the machine. The "processes" are stores on
 * pools of their own inside this one Node process, each with its own partition owner, measured
 * one after another with process.cpuUsage() (the bot's CPU, not the database server's).
 *
 * 1. computeDue + claims for 100,000 servers split over 4 processes: each holds 15 of the 60
 *    partitions (~25,000 servers); its tick = list its servers, settings.getMany +
 *    ledger.settledKeys, computeDueForGuilds, a claim per due post.
 * 2. The 09:00 burst: 20,000 servers due in one minute across 2 processes, each a real runner
 *    (claim, send, complete) whose poster waits for a slot of one global rate limit shared by
 *    both, as Discord's per-bot limit is: time to drain and posts per second against the limit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadData } from '../src/data/load.js';
import { computeDueForGuilds, type DuePost } from '../src/schedule/due.js';
import { createPartitionOwner, type PartitionOwner } from '../src/schedule/partition-owner.js';
import { loadPrompts } from '../src/schedule/prompts.js';
import { claimRequestFor, createRunner, type Poster } from '../src/schedule/runner.js';
import type { GuildSettings } from '../src/store/domain.js';
import { openPostgresStore, type PostgresStore } from '../src/store/postgres/index.js';
import {
  createDatabase,
  findPostgresBin,
  startPostgresServer,
} from '../tests/helpers/postgres-server.js';
import { ROOT } from '../tests/e2e/bot/bot-process.js';

const data = loadData();
const prompts = loadPrompts(data);
const silent = { info() {}, warn() {}, error() {} };
const ZONES = ['Europe/Kyiv', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
/** The global REST limit the burst shares (Discord's is ~50/s; see the note printed with it). */
const BURST_LIMIT_PER_S = Number(process.env.BENCH_BURST_LIMIT ?? 500);

const guildId = (i: number) => String(100_000_000_000_000_000n + BigInt(i) * 4_194_304n);
const hash = (i: number, salt: number) => Math.abs(Math.imul(i ^ salt, 2654435761)) >>> 0;

function spreadSettings(i: number): GuildSettings {
  return {
    channelId: String(300_000_000_000_000_000n + BigInt(i)),
    hour: hash(i, 1) % 24,
    minute: [0, 15, 30, 45][hash(i, 2) % 4]!,
    timeZone: ZONES[hash(i, 3) % ZONES.length]!,
    paused: false,
    blocked: null,
    anniversaries: true,
    digest: { enabled: i % 2 === 0, weekday: 1 + (i % 7) },
    prompts: (['daily', 'weekly', 'off'] as const)[i % 3]!,
    pingRoleId: null,
    language: null,
    promptsSeen: [],
    activeSince: '2025-01-01T00:00:00.000Z',
  };
}

/** Everyone at 09:00 Kyiv, anniversaries only: one post each on 16 February 2027. */
function burstSettings(i: number): GuildSettings {
  return {
    ...spreadSettings(i),
    hour: 9,
    minute: 0,
    timeZone: 'Europe/Kyiv',
    digest: { enabled: false, weekday: 1 },
    prompts: 'off',
  };
}

async function seed(url: string, count: number, of: (i: number) => GuildSettings) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let start = 0; start < count; start += 10_000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 10_000); i += 1) {
      rows.push({ guild_id: guildId(i), value: of(i) });
    }
    await client.query(
      `INSERT INTO settings (guild_id, value, version)
       SELECT guild_id, value, 1 FROM jsonb_to_recordset($1::jsonb) AS x(guild_id text, value jsonb)`,
      [JSON.stringify(rows)],
    );
  }
  await client.end();
}

function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

async function ownersOn(stores: PostgresStore[]): Promise<PartitionOwner[]> {
  const owners = stores.map((store, i) =>
    createPartitionOwner({ port: store.partitions, member: `bench-${i}`, log: silent }),
  );
  // Beat until the shares settle (each beat releases extras or takes free ones).
  for (let round = 0; round < 3; round += 1) for (const owner of owners) await owner.step();
  // Then beat on their timers, as in the bot, so leases hold through long ticks.
  await Promise.all(owners.map((owner) => owner.start()));
  return owners;
}

async function claimAll(store: PostgresStore, posts: DuePost[], owner: string): Promise<number> {
  let claimed = 0;
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const post = posts[next++]!;
      const result = await store.ledger.claim(
        claimRequestFor(post, owner, { leaseMs: 60_000, retakeWindowMs: 150_000 }),
      );
      if (result.kind === 'claimed') claimed += 1;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return claimed;
}

async function tick(store: PostgresStore, owner: PartitionOwner, now: Date) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const ids = [...owner.guildIds()];
  const [settings, settled] = await Promise.all([
    store.settings.getMany(ids),
    store.ledger.settledKeys(ids),
  ]);
  const posts = computeDueForGuilds({
    now,
    guildIds: ids,
    settingsFor: (id) => settings.get(id)?.value,
    postLogFor: (id) => settled.get(id) ?? new Set<string>(),
    data,
    prompts,
    graceMs: 6 * 3_600_000,
  }).filter((p) => p.status === 'due');
  const loadCpu = cpuMs(cpu);
  const claimed = await claimAll(store, posts, owner.member);
  return {
    servers: ids.length,
    due: posts.length,
    claimed,
    loadCpu,
    cpu: cpuMs(cpu),
    wall: performance.now() - wall,
  };
}

const fmt = (n: number) => n.toFixed(1);

interface ProcessTick {
  process: number;
  partitions: number;
  servers: number;
  due: number;
  /** CPU ms of list + settings.getMany + ledger.settledKeys + computeDueForGuilds. */
  loadCpuMs: number;
  /** CPU ms of the whole tick, claims included. */
  cpuMs: number;
  wallMs: number;
  firstTick: { due: number; cpuMs: number; wallMs: number };
}

const round1 = (n: number) => Number(n.toFixed(1));

async function benchSplit(adminUrl: string): Promise<ProcessTick[]> {
  const count = 100_000;
  const url = await createDatabase(adminUrl, 'bench_partitions_split');
  const stores = await Promise.all([0, 1, 2, 3].map(() => openPostgresStore(url, silent)));
  await seed(url, count, spreadSettings);
  const owners = await ownersOn(stores);
  console.log(`computeDue + claims, ${count} servers over 4 processes (median of 3 steady ticks):`);
  console.log('process  partitions  servers  due  cpu ms (load+due)  cpu ms (all)  wall ms');
  // 07:00 UTC on Tuesday 16 Feb 2027: 09:00 in Kyiv. A first tick claims what the last 6 h left
  // due; the ticks after it are the steady state, a minute apart.
  const start = Date.parse('2027-02-16T07:00:00.000Z');
  const ticks: ProcessTick[] = [];
  for (const [i, owner] of owners.entries()) {
    const store = stores[i]!;
    const first = await tick(store, owner, new Date(start));
    const steady = [];
    for (let m = 1; m <= 3; m += 1)
      steady.push(await tick(store, owner, new Date(start + m * 60_000)));
    steady.sort((a, b) => a.cpu - b.cpu);
    const mid = steady[1]!;
    console.log(
      [
        `  ${i}`,
        owner.snapshot().owned.length,
        mid.servers,
        mid.due,
        fmt(mid.loadCpu),
        fmt(mid.cpu),
        fmt(mid.wall),
      ].join('  '),
    );
    console.log(
      `     (its first tick: ${first.due} due over the last 6 h, ${fmt(first.cpu)} ms CPU, ${fmt(first.wall)} ms wall)`,
    );
    ticks.push({
      process: i,
      partitions: owner.snapshot().owned.length,
      servers: mid.servers,
      due: mid.due,
      loadCpuMs: round1(mid.loadCpu),
      cpuMs: round1(mid.cpu),
      wallMs: round1(mid.wall),
      firstTick: { due: first.due, cpuMs: round1(first.cpu), wallMs: round1(first.wall) },
    });
  }
  await Promise.all(owners.map((owner) => owner.stop()));
  await Promise.all(stores.map((s) => s.close()));
  return ticks;
}

interface BurstResult {
  servers: number;
  processes: number;
  limitPerS: number;
  posted: number;
  postedPerProcess: number[];
  drainS: number;
  postsPerS: number;
  skipped: number;
  failed: number;
}

async function benchBurst(adminUrl: string): Promise<BurstResult> {
  const count = 20_000;
  const url = await createDatabase(adminUrl, 'bench_partitions_burst');
  const stores = await Promise.all([0, 1].map(() => openPostgresStore(url, silent)));
  await seed(url, count, burstSettings);
  const owners = await ownersOn(stores);
  // One global limit for the bot, shared by both processes: each send waits for its slot.
  const gapMs = 1000 / BURST_LIMIT_PER_S;
  let nextSlot = performance.now();
  let sent = 0;
  const poster: Poster = {
    async post() {
      const now = performance.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + gapMs;
      if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
      sent += 1;
      return { messageId: String(900_000_000_000_000_000n + BigInt(sent)) };
    },
    openThread: () => Promise.resolve(),
    classify: (error) => ({ kind: 'failed', reason: String(error) }),
  };
  const due = Date.parse('2027-02-16T07:00:00.000Z');
  const startWall = performance.now();
  const runners = stores.map((store, i) =>
    createRunner({
      store,
      data,
      prompts,
      poster,
      log: silent,
      // The bot's clock runs from 09:00 Kyiv at real speed.
      now: () => new Date(due + (performance.now() - startWall)),
      guildIds: () => owners[i]!.guildIds(),
      owns: (id) => owners[i]!.owns(id),
      owner: owners[i]!.member,
      concurrency: 32,
    }),
  );
  const summaries = await Promise.all(runners.map((r) => r.tick()));
  const drainS = (performance.now() - startWall) / 1000;
  const posted = summaries.reduce((sum, s) => sum + s.posted, 0);
  console.log(
    `\nThe 09:00 burst: ${count} servers due at once, 2 processes, one global limit of ${BURST_LIMIT_PER_S}/s:`,
  );
  console.log(
    `  posted ${posted} (${summaries.map((s) => s.posted).join(' + ')}) in ${fmt(drainS)} s: ${fmt(posted / drainS)} posts/s against ${BURST_LIMIT_PER_S}/s`,
  );
  const others = summaries.map((s) => `${s.skipped} skipped, ${s.failed} failed`).join('; ');
  console.log(`  not posted: ${others}`);
  console.log(
    `  at Discord's ~50/s the same burst needs ${fmt(count / 50)} s at least (the limit, not the bot, sets it); BENCH_BURST_LIMIT=50 measures it`,
  );
  await Promise.all(owners.map((owner) => owner.stop()));
  await Promise.all(stores.map((s) => s.close()));
  return {
    servers: count,
    processes: 2,
    limitPerS: BURST_LIMIT_PER_S,
    posted,
    postedPerProcess: summaries.map((s) => s.posted),
    drainS: round1(drainS),
    postsPerS: round1(posted / drainS),
    skipped: summaries.reduce((sum, s) => sum + s.skipped, 0),
    failed: summaries.reduce((sum, s) => sum + s.failed, 0),
  };
}

function writeResult(name: string, result: object): void {
  const folder = join(ROOT, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const stamped = { when: new Date().toISOString(), node: process.version, ...result };
  writeFileSync(join(folder, name), `${JSON.stringify(stamped, null, 2)}\n`);
}

if (findPostgresBin() === null) {
  console.log('skipped: no PostgreSQL installed');
} else {
  const server = await startPostgresServer();
  try {
    const split = await benchSplit(server.url);
    writeResult('partitions.json', {
      figure:
        'computeDue + claims, 100,000 servers over 4 processes (60 partitions): per process, the median of 3 steady ticks a minute apart, CPU of this Node process',
      processes: split,
    });
    const burst = await benchBurst(server.url);
    // One file per limit, so the quick run does not overwrite the real-limit one.
    writeResult(`partitions-burst-${BURST_LIMIT_PER_S}.json`, {
      figure:
        'the 09:00 burst: every server due at once, 2 processes (real runners, claims in PostgreSQL), one global limit shared by both',
      ...burst,
    });
  } finally {
    server.destroy();
  }
}
