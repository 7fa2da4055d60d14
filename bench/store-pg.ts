/**
 * The store's cost per tick on PostgreSQL (and the JSON file beside the old store), in the bot's
 * own CPU: process.cpuUsage() around the work, so the database server's CPU is not counted.
 * Run with `npx tsx bench/store-pg.ts` (part of `npm run bench`). Not a test: numbers depend on
 * the machine. Starts its own throwaway PostgreSQL, the same way the tests do.
 *
 * A tick, as the runner does it (its loadDue): the settings port's change feed, then
 * settings.getMany, ledger.settledKeys and computeDue for the guilds the due index selects (every
 * guild on a process's first tick: then getMany reads every guild), then a claim per post that
 * is due or missed. Two of the seven steady ticks follow settings written by another process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadData } from '../src/data/load.js';
import type { DuePost } from '../src/schedule/due.js';
import { DueIndex } from '../src/schedule/due-index.js';
import { loadPrompts } from '../src/schedule/prompts.js';
import { loadDue } from '../src/schedule/runner.js';
import type { GuildSettings } from '../src/store/domain.js';
import type { StorePorts } from '../src/store/ports.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { ChangeWatermark } from '../src/store/postgres/watermark.js';
import { openJsonStore } from '../src/store/store.js';
import {
  createDatabase,
  findPostgresBin,
  startPostgresServer,
} from '../tests/helpers/postgres-server.js';
import { guildId, variedSettings } from './lib/servers.js';

const ZONES = [
  'Europe/Kyiv',
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Asia/Kolkata',
];
const MINUTES = [0, 0, 0, 30, 15, 45];
/** Claims timed per size; the rest of a day-down tick's posts are settled in bulk, untimed. */
const CLAIM_SAMPLE = 20_000;
const CLAIM_CONCURRENCY = 16;

const data = loadData();
const prompts = loadPrompts(data);
const silent = { info() {}, warn() {}, error() {} };

const settingsOf = (i: number): GuildSettings =>
  variedSettings(i, {
    zones: ZONES,
    minutes: MINUTES,
    pingRoleId: () => null,
    promptsSeen: (n) => prompts.prompts.slice(0, n % 20).map((p) => p.id),
  });

function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

interface TickCost {
  cpuMs: number;
  /** Guilds whose ledger was loaded and computeDue run (the due index's selection). */
  computed: number;
  wallMs: number;
  posts: DuePost[];
}

/**
 * What a tick loads and computes, through the runner's own loadDue: getMany for every guild,
 * then settledKeys and computeDue for those the due index selects (all on an index's first
 * tick). `index` is the process's: a new one is a process that has just started.
 */
async function loadAndCompute(
  store: StorePorts,
  index: DueIndex,
  ids: string[],
  now: Date,
): Promise<TickCost> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const { due, computed } = await loadDue({ store, index, guildIds: ids, now, data, prompts });
  return { cpuMs: cpuMs(cpu), computed, wallMs: performance.now() - wall, posts: due };
}

async function claimAll(store: StorePorts, posts: DuePost[], owner: string) {
  let next = 0;
  let claimed = 0;
  const worker = async () => {
    for (let i = next++; i < posts.length; i = next++) {
      const post = posts[i]!;
      const result = await store.ledger.claim({
        guildId: post.guildId,
        key: post.key,
        kind: post.kind,
        localDate: post.localDate,
        nonce: `${i}`.padStart(10, '0'),
        owner,
        leaseMs: 60_000,
        retakeWindowMs: 150_000,
      });
      if (result.kind === 'claimed') claimed += 1;
    }
  };
  await Promise.all(Array.from({ length: CLAIM_CONCURRENCY }, worker));
  return claimed;
}

async function seed(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let start = 0; start < count; start += 10_000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 10_000); i += 1) {
      rows.push({ guild_id: guildId(i), value: settingsOf(i) });
    }
    await client.query(
      // Written an hour ago, as in a bot that has been running: a steady tick reads only changes.
      `INSERT INTO settings (guild_id, value, version, updated_at)
       SELECT guild_id, value, 1, now() - interval '1 hour' FROM jsonb_to_recordset($1::jsonb) AS x(guild_id text, value jsonb)`,
      [JSON.stringify(rows)],
    );
  }
  await client.end();
}

/** Servers whose settings another process writes before two of the steady ticks. */
const CHANGED_PER_TICK = 100;

/** A write of the same settings by another process: a new version, so a change to see. */
async function touchSettings(url: string, guildIds: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `UPDATE settings SET version = version + 1, updated_at = now() WHERE guild_id = ANY($1::text[])`,
    [guildIds],
  );
  await client.end();
}

/** Settles posts without timing them (a day-down tick's sends and completions). */
async function settleInBulk(url: string, posts: DuePost[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let start = 0; start < posts.length; start += 20_000) {
    const rows = posts.slice(start, start + 20_000).map((p) => ({
      guild_id: p.guildId,
      key: p.key,
      kind: p.kind,
      local_date: p.localDate,
      state: p.status === 'due' ? 'posted' : 'skipped',
    }));
    await client.query(
      `INSERT INTO ledger (guild_id, key, kind, local_date, state, owner, nonce, attempts)
       SELECT guild_id, key, kind, local_date, state, 'bench', 'n', 1
         FROM jsonb_to_recordset($1::jsonb)
           AS x(guild_id text, key text, kind text, local_date text, state text)
       ON CONFLICT (guild_id, key) DO UPDATE
         SET state = EXCLUDED.state, lease_until = NULL, at = now()`,
      [JSON.stringify(rows)],
    );
  }
  await client.end();
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => n.toFixed(1).padStart(8);
const rows: string[][] = [];

async function benchPostgres(adminUrl: string, count: number): Promise<void> {
  const url = await createDatabase(adminUrl, `bench_${count}`);
  const opened = await openPostgresStore(url, silent);
  await opened.close(); // applies the migrations
  await seed(url, count);
  const ids = Array.from({ length: count }, (_, i) => guildId(i));
  // 07:00 UTC on a Monday: 09:00 in Kyiv, and many servers' morning elsewhere.
  const now = new Date('2026-02-16T07:00:00.000Z');

  // The first tick after a day down: a process that starts with nothing read, and a ledger with
  // nothing since yesterday, so every post of the last day is due (within the grace) or missed.
  const store = await openPostgresStore(url, silent);
  const index = new DueIndex(data);
  const down = await loadAndCompute(store, index, ids, now);
  const sample = down.posts.slice(0, CLAIM_SAMPLE);
  const claimCpu = process.cpuUsage();
  const claimWall = performance.now();
  const claimed = await claimAll(store, sample, 'bench-a');
  const claimMs = performance.now() - claimWall;
  const claimCpuMs = cpuMs(claimCpu);
  if (claimed !== sample.length) throw new Error(`claimed ${claimed} of ${sample.length}`);
  // Every post settled, the timed claims too (as the runner completes them), so the steady
  // ticks below find what a running bot finds: nothing open.
  await settleInBulk(url, down.posts);
  const perClaimCpu = claimCpuMs / sample.length;
  rows.push([
    `postgres ${count}`,
    'first tick after a day down',
    `${down.posts.length} posts`,
    `${fmt(down.cpuMs)} load+due`,
    `${fmt(down.wallMs)} wall`,
    `+${(perClaimCpu * down.posts.length).toFixed(0)} ms CPU for its claims`,
  ]);
  rows.push([
    `postgres ${count}`,
    'claims',
    `${sample.length} claims`,
    `${(sample.length / (claimMs / 1000)).toFixed(0)}/s`,
    `${fmt(claimMs)} wall`,
    `${(perClaimCpu * 1000).toFixed(0)} µs CPU each`,
  ]);

  // Steady ticks: the same process a minute later, and after, with everything settled. Ticks
  // are a minute apart in a running bot, so each reads back only the last ~90 s of changes; here
  // they follow each other at once, so first let the day-down tick's writes fall out of the
  // look-back margin, or every tick would re-read all of them.
  await new Promise((resolve) => setTimeout(resolve, ChangeWatermark.MARGIN_MS + 1_000));
  const steadyCpu: number[] = [];
  const steadyWall: number[] = [];
  const steadyComputed: number[] = [];
  let due = 0;
  for (let minute = 1; minute <= 7; minute += 1) {
    const at = new Date(now.getTime() + minute * 60_000);
    // Admins elsewhere change settings: those servers must be computed again, the rest not.
    if (minute === 3 || minute === 6)
      await touchSettings(url, ids.slice(minute * 10, minute * 10 + CHANGED_PER_TICK));
    const tick = await loadAndCompute(store, index, ids, at);
    const claimsCpu = process.cpuUsage();
    await claimAll(store, tick.posts, 'bench-a');
    steadyCpu.push(tick.cpuMs + cpuMs(claimsCpu));
    steadyWall.push(tick.wallMs);
    steadyComputed.push(tick.computed);
    due += tick.posts.length;
  }
  rows.push([
    `postgres ${count}`,
    'steady tick (median of 7)',
    `${due} posts in 7`,
    `${fmt(median(steadyCpu))} CPU ms`,
    `${fmt(median(steadyWall))} wall`,
    `computed per tick: ${steadyComputed.join('/')}`,
  ]);
  await store.close();

  // A process that starts on a settled ledger: reads every guild once.
  const cold = await openPostgresStore(url, silent);
  const coldTick = await loadAndCompute(
    cold,
    new DueIndex(data),
    ids,
    new Date(now.getTime() + 8 * 60_000),
  );
  rows.push([
    `postgres ${count}`,
    'first tick of a new process',
    `${coldTick.posts.length} posts`,
    `${fmt(coldTick.cpuMs)} CPU ms`,
    `${fmt(coldTick.wallMs)} wall`,
    '',
  ]);
  await cold.close();
}

/** The JSON file on the ports at 1,000 servers, steady (the old store's figure beside it). */
async function benchJson(count: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-json-'));
  const ids = Array.from({ length: count }, (_, i) => guildId(i));
  const now = new Date('2026-02-16T07:00:00.000Z');
  try {
    const json = await openJsonStore(join(folder, 'new.json'), silent);
    for (let i = 0; i < count; i += 1) await json.settings.put(guildId(i), settingsOf(i), null);
    const index = new DueIndex(data);
    const first = await loadAndCompute(json, index, ids, now);
    // Each post as the runner makes it, 8 servers at a time: claimed (on disk before the send),
    // then completed, or settled as skipped when missed. Timed to the last write on disk.
    const postCpu = process.cpuUsage();
    const postWall = performance.now();
    const settle = async (post: DuePost) => {
      await json.ledger.claim({
        guildId: post.guildId,
        key: post.key,
        kind: post.kind,
        localDate: post.localDate,
        nonce: post.key.slice(0, 25),
        owner: 'bench',
        leaseMs: 60_000,
        retakeWindowMs: 150_000,
      });
      if (post.status === 'due') {
        await json.ledger.complete(post.guildId, post.key, 'bench', '444444444444444444', null);
      } else await json.ledger.giveUp(post.guildId, post.key, 'bench', 'skipped', 'missed');
    };
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < first.posts.length; i = next++) await settle(first.posts[i]!);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await json.flush();
    const perPostCpu = cpuMs(postCpu) / first.posts.length;
    const dueNow = first.posts.filter((p) => p.status === 'due').length;
    const perPostWall = (performance.now() - postWall) / first.posts.length;
    const times: number[] = [];
    for (let minute = 1; minute <= 7; minute += 1) {
      times.push(
        (await loadAndCompute(json, index, ids, new Date(now.getTime() + minute * 60_000))).cpuMs,
      );
    }
    await json.close();

    rows.push([
      'json (ports)',
      `steady tick, ${count} servers`,
      '',
      `${fmt(median(times))} CPU ms`,
      '',
      '',
    ]);
    rows.push([
      'json (ports)',
      `per post, ${count} servers`,
      `${first.posts.length} posts (${dueNow} due)`,
      `${perPostCpu.toFixed(2)} CPU ms`,
      `${perPostWall.toFixed(2)} wall`,
      '',
    ]);
    // The synchronous store before the ports (since removed) took 2.6 CPU ms for this steady
    // tick on this machine (bench at commit 027b565): the figure to compare with.
    rows.push([
      'json (before ports)',
      `steady tick, ${count} servers`,
      '',
      '2.6 CPU ms at 027b565',
      '',
      '',
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (!findPostgresBin()) {
  console.log('skipped: no PostgreSQL (install the postgresql package to run this bench)');
} else {
  const started = performance.now();
  const server = await startPostgresServer();
  console.log(`PostgreSQL started in ${(performance.now() - started).toFixed(0)} ms`);
  try {
    await benchJson(1_000);
    for (const count of [10_000, 100_000]) await benchPostgres(server.url, count);
  } finally {
    server.destroy();
  }
  console.log(`node ${process.version}; CPU is this process's (user+system), not the server's`);
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(i < 2 ? 30 : 22)).join(' '));
}
