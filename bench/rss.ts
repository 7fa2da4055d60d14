/**
 * RSS of one shard process holding 2,500 servers: the bot against a bare discord.js client (the
 * floor bot, default caches) holding the same servers, each against its own emulator. Guilds are
 * the size SCALE-NOTES measured the bare client at: 10 text channels and 15 roles, 3 members.
 * Both run as built JavaScript under plain node, with the same intent (Guilds) and the same
 * fixture, one after the other (never side by side, so neither crowds the other), alternating
 * over several runs; each subject's figure is the median of its runs. Target: the bot at or below
 * the bare client.
 *
 *   npx tsx bench/rss.ts            (BENCH_RSS_GUILDS=… to change the count, BENCH_RSS_RUNS=… the runs)
 *
 * Each run also records RSS split into anonymous memory (the JavaScript heap, malloc) and pages
 * of files (node's binary, with its ICU data): the bot reads time zones (node-cron, luxon), which
 * maps ICU data a bare client never touches, so the split says where a difference lies.
 *
 * Where the memory goes (measured December 2026, 2,500 servers): the bot's first scheduled wake-up
 * builds Intl.DateTimeFormat (node-cron, then luxon), ~6.8 MiB of ICU pages a bare client never
 * maps, and any server with a schedule needs them (due.ts works in its IANA zone). The bot keeps
 * no channels in discord.js's cache (src/discord/cache.ts): that cut ~24 MiB of anonymous memory,
 * so the bot now sits below the bare client despite the ICU pages.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FAKE_TOKEN, ROOT } from '../tests/e2e/bot/bot-process.js';
import { createLargeWorld, startEmulator } from '../tests/e2e/emulator/index.js';
import { buildSubjects, startSubject, type SubjectName } from './e2e/subjects.js';
import { readRssBytes } from './lib/proc.js';

const GUILDS = Number(process.env.BENCH_RSS_GUILDS ?? 2_500);
/** After ready: let start-up garbage be collected and the caches settle before reading. */
const SETTLE_MS = 10_000;
const SAMPLES = 5;
const RUNS = Number(process.env.BENCH_RSS_RUNS ?? 3);

interface Measured {
  subject: SubjectName;
  guilds: number;
  readyAfterMs: number;
  rssMiB: number;
  samplesMiB: number[];
  /** At the last sample: anonymous memory and file pages, MiB (RssAnon, RssFile in /proc). */
  anonMiB: number;
  fileMiB: number;
}

const MIB = 2 ** 20;
const round1 = (value: number): number => Number(value.toFixed(1));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** RssAnon and RssFile of another process, in bytes. */
function readRssSplitBytes(pid: number): { anon: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { anon: kB('RssAnon'), file: kB('RssFile') };
}

async function measure(subject: SubjectName): Promise<Measured> {
  const handle = await startEmulator({
    token: FAKE_TOKEN,
    world: (ids) => createLargeWorld(ids, GUILDS, { extraChannels: 7, extraRoles: 12 }),
  });
  try {
    const running = await startSubject(subject, handle);
    try {
      await sleep(SETTLE_MS);
      const samplesMiB: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        samplesMiB.push(readRssBytes(running.process.pid) / MIB);
        await sleep(1_000);
      }
      const split = readRssSplitBytes(running.process.pid);
      return {
        subject,
        guilds: GUILDS,
        readyAfterMs: Math.round(running.readyAfterMs),
        rssMiB: round1(median(samplesMiB)),
        samplesMiB: samplesMiB.map(round1),
        anonMiB: round1(split.anon / MIB),
        fileMiB: round1(split.file / MIB),
      };
    } finally {
      await running.process.stop();
    }
  } finally {
    await handle.close();
  }
}

/** One subject's runs and their median. */
function summarize(runs: readonly Measured[]) {
  return {
    rssMiB: round1(median(runs.map((run) => run.rssMiB))),
    anonMiB: round1(median(runs.map((run) => run.anonMiB))),
    fileMiB: round1(median(runs.map((run) => run.fileMiB))),
    runs,
  };
}

buildSubjects();
const floorRuns: Measured[] = [];
const botRuns: Measured[] = [];
for (let run = 0; run < RUNS; run += 1) {
  floorRuns.push(await measure('floor'));
  botRuns.push(await measure('bot'));
  console.log(
    `run ${run + 1}/${RUNS}: bot ${botRuns.at(-1)!.rssMiB} MiB, bare ${floorRuns.at(-1)!.rssMiB} MiB`,
  );
}
const floor = summarize(floorRuns);
const bot = summarize(botRuns);
const result = {
  when: new Date().toISOString(),
  node: process.version,
  guilds: GUILDS,
  perGuild: { textChannels: 10, roles: 15, members: 3 },
  intents: 'Guilds (both)',
  figure: `median of ${RUNS} runs, each the median of ${SAMPLES} samples ${SETTLE_MS / 1000} s after ready`,
  floor,
  bot,
  botOverFloor: Number((bot.rssMiB / floor.rssMiB).toFixed(3)),
  target: 'bot RSS at or below the bare client',
  met: bot.rssMiB <= floor.rssMiB,
};
console.log(
  `RSS at ${GUILDS} servers: bot ${bot.rssMiB} MiB, bare discord.js ${floor.rssMiB} MiB ` +
    `(bot/bare ${result.botOverFloor}; target ≤ 1: ${result.met ? 'met' : 'NOT met'}); ` +
    `anonymous ${bot.anonMiB} vs ${floor.anonMiB} MiB, file pages ${bot.fileMiB} vs ${floor.fileMiB} MiB`,
);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'rss.json'), `${JSON.stringify(result, null, 2)}\n`);
