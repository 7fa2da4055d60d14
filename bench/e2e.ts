/**
 * End-to-end benchmark: the bot against the bare discord.js floor, on the local Discord emulator.
 *
 *   npm run bench                       (all benches, this one included)
 *   node --import tsx bench/e2e.ts [--profile] [--per-phase N] [--node-flags='…'] [--out FILE]
 *
 * Writes bench/results/e2e.json (or FILE) and prints a markdown table. See `method` below for how.
 * `--node-flags` runs both subjects under the same extra V8/Node flags (say, a smaller young
 * generation), to see what a runtime setting does to each without favouring either.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../tests/e2e/bot/bot-process.js';
import type { EmulatorHandle, EmulatorOptions } from '../tests/e2e/emulator/index.js';
import { FAKE_TOKEN } from '../tests/e2e/bot/bot-process.js';
import { startEmulator } from '../tests/e2e/emulator/index.js';
import { readRssBytes } from './lib/proc.js';
import { readGcTrace } from './e2e/gc-trace.js';
import { median, slope, summarize, troughs } from './lib/stats.js';
import type { Phase } from './e2e/measure.js';
import { PHASES, runChunk } from './e2e/measure.js';
import type { GcStats } from './e2e/gc-trace.js';
import type { ProfileSummary } from './e2e/profile.js';
import { summarizeProfile } from './e2e/profile.js';
import type { PhaseResult, Results, SubjectResult } from './e2e/report.js';
import { evaluateTargets, markdownTable, targetsTable } from './e2e/report.js';
import type { RunningSubject, SubjectName } from './e2e/subjects.js';
import { buildSubjects, startSubject } from './e2e/subjects.js';

const { values: args } = parseArgs({
  options: {
    profile: { type: 'boolean', default: false },
    'per-phase': { type: 'string', default: '10000' },
    'node-flags': { type: 'string', default: '' },
    out: { type: 'string', default: join('bench', 'results', 'e2e.json') },
  },
});

const SUBJECTS: readonly SubjectName[] = ['floor', 'bot'];
const PER_PHASE = Number.parseInt(args['per-phase'], 10);
/** Extra flags for both subjects alike; none by default, so each runs as Node ships. */
const NODE_FLAGS = args['node-flags'].split(/\s+/).filter(Boolean);
const OUT = resolve(ROOT, args.out);
const CHUNK = 1_000;
const WARMUP = 1_000;
const STARTS = 3;
/** 0.25 MB per 1,000 interactions: a leak of 250 bytes an interaction or more. */
const TREND_LIMIT_MB_PER_1K = 0.25;
const PROFILE_INTERACTIONS = 4_000;
/** RSS samples (one per 1,000 interactions) whose lowest point makes one point of the trend. */
const TROUGH_WINDOW = 4;
const MB = 1024 * 1024;
const EMULATOR: EmulatorOptions = { token: FAKE_TOKEN };

const METHOD = [
  'Both subjects run as plain JavaScript under `node` with no loader: the bot from `npm run build` (dist/src/index.js, as `npm start` runs it, minus --enable-source-maps), the floor (tests/e2e/floor-bot.ts) transpiled by TypeScript to dist/bench/floor-bot.js. So tsx is measured for neither.',
  'Each subject has its own emulator instance (same code, same options) in this process, so neither inherits the records the other made; the two subjects alternate in chunks of 1,000 interactions, so both see the same machine load.',
  'Round trip = the emulator’s time from sending INTERACTION_CREATE to receiving the callback; the emulators drop their records after each chunk, so the bench process’s own heap stays small. Each phase: a fixed number of interactions kept at 1 or 10 in flight; /agreement rotates over every partner id, autocomplete over typed prefixes. One warm-up chunk per subject first.',
  `Both run with --trace-gc (one line per collection, the same for both) for the GC figures${NODE_FLAGS.length > 0 ? `, and both with ${NODE_FLAGS.join(' ')}` : ''}.`,
  'CPU = utime+stime from /proc/<pid>/stat around each chunk. RSS = VmRSS from /proc/<pid>/status after ready and after every chunk. RSS saws with garbage collection, so the trend is the least-squares slope of its troughs (the lowest of every 4 samples), over the second half of the run (the first half holds the heap’s growth to its working size). The live heap after each full GC (from --trace-gc) tells a leak from heap V8 keeps.',
];

async function main(): Promise<void> {
  const started = performance.now();
  process.stdout.write('e2e bench: building the bot and the floor…\n');
  buildSubjects();

  const handles = {
    floor: await startEmulator(EMULATOR),
    bot: await startEmulator(EMULATOR),
  } satisfies Record<SubjectName, EmulatorHandle>;

  const readyMs: Record<SubjectName, number[]> = { floor: [], bot: [] };
  const running = {} as Record<SubjectName, RunningSubject>;
  for (let start = 0; start < STARTS; start += 1) {
    for (const name of SUBJECTS) {
      await running[name]?.process.stop();
      running[name] = await startSubject(name, handles[name], ['--trace-gc', ...NODE_FLAGS]);
      readyMs[name].push(running[name].readyAfterMs);
    }
  }
  await sleep(500);
  const rssAfterReady = mapSubjects((name) => readRssBytes(running[name].process.pid));

  process.stdout.write(`e2e bench: warm-up, ${WARMUP} interactions each…\n`);
  for (const name of SUBJECTS) {
    const warm = await runChunk(handles[name], running[name].process.pid, PHASES[1]!, 0, WARMUP);
    if (warm.failures.length > 0)
      throw new Error(`${name}: ${warm.failures.length} wrong answers in warm-up`);
    handles[name].forgetRecords();
  }

  const measuredFromLine = mapSubjects((name) => running[name].process.stdoutLines.length);
  const samples = mapSubjects((): { interactions: number; rssMB: number }[] => []);
  const chunks = mapSubjects(() => new Map<string, Awaited<ReturnType<typeof runChunk>>[]>());
  let measured = 0;
  for (const phase of PHASES) {
    process.stdout.write(`e2e bench: ${phase.id}, ${PER_PHASE} interactions each…\n`);
    for (let first = 0; first < PER_PHASE; first += CHUNK) {
      const count = Math.min(CHUNK, PER_PHASE - first);
      // Alternate who goes first, so neither always follows the other's garbage.
      const order = (first / CHUNK) % 2 === 0 ? SUBJECTS : [...SUBJECTS].reverse();
      for (const name of order) {
        const chunk = await runChunk(handles[name], running[name].process.pid, phase, first, count);
        // Outside the timing: the emulator's records would grow this process's heap, and its
        // collections would land on the round trips it measures.
        handles[name].forgetRecords();
        const list = chunks[name].get(phase.id) ?? [];
        list.push(chunk);
        chunks[name].set(phase.id, list);
        samples[name].push({ interactions: measured + first + count, rssMB: chunk.rssBytes / MB });
      }
    }
    measured += PER_PHASE;
  }
  await sleep(500);
  const rssAfterRun = mapSubjects((name) => readRssBytes(running[name].process.pid));
  const gc = mapSubjects((name) =>
    readGcTrace(running[name].process.stdoutLines.slice(measuredFromLine[name])),
  );
  const botLogLines = running.bot.process.stdoutLines.filter((line) => line.startsWith('{')).length;
  await Promise.all(SUBJECTS.map((name) => running[name].process.stop()));
  const unknownRoutes = mapSubjects((name) => handles[name].unknownRoutes.length);

  const results = mapSubjects((name): SubjectResult =>
    subjectResult(
      readyMs[name],
      rssAfterReady[name],
      rssAfterRun[name],
      samples[name],
      chunks[name],
      gc[name],
    ),
  ) as Results;
  const phaseIds = PHASES.map((p) => p.id);
  const targets = evaluateTargets(results, phaseIds, TREND_LIMIT_MB_PER_1K);
  const missed = targets.filter((t) => !t.met);

  let profiles: Record<SubjectName, ProfileSummary> | null = null;
  if (missed.length > 0 || args.profile) {
    process.stdout.write('e2e bench: a target was missed (or --profile): profiling both…\n');
    profiles = await profileBoth();
  }
  await Promise.all(SUBJECTS.map((name) => handles[name].close()));

  const report = {
    command: 'npm run bench',
    date: new Date().toISOString(),
    node: process.version,
    nodeFlags: NODE_FLAGS,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    method: METHOD,
    interactionsPerPhase: PER_PHASE,
    phases: PHASES,
    results,
    targets,
    botLogLines,
    unknownRoutes,
    profiles,
    benchProcessRssMB: process.memoryUsage().rss / MB,
    durationS: (performance.now() - started) / 1000,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

  const out = [
    '',
    `## End to end: the bot against the bare discord.js floor (${PER_PHASE} interactions a phase, ${process.version}, ${cpus().length} CPUs)`,
    '',
    markdownTable(results, phaseIds),
    '',
    targetsTable(targets),
    '',
    ...METHOD.map((line) => `- ${line}`),
    `- Bot log lines during the whole run: ${botLogLines}. Unknown routes: floor ${unknownRoutes.floor}, bot ${unknownRoutes.bot}.`,
    ...(profiles ? ['', profileTable(profiles)] : []),
    '',
    `Written to ${relative(ROOT, OUT)} in ${report.durationS.toFixed(0)} s (bench process with both emulators: RSS ${report.benchProcessRssMB.toFixed(0)} MB).`,
    '',
  ];
  process.stdout.write(out.join('\n'));
}

function subjectResult(
  readyMs: number[],
  rssAfterReady: number,
  rssAfterRun: number,
  samples: { interactions: number; rssMB: number }[],
  chunks: Map<string, Awaited<ReturnType<typeof runChunk>>[]>,
  gc: GcStats,
): SubjectResult {
  const phases: Record<string, PhaseResult> = {};
  for (const [id, list] of chunks) {
    const count = list.reduce((n, c) => n + c.latencies.length, 0);
    const wallMs = list.reduce((n, c) => n + c.wallMs, 0);
    const cpuMs = list.reduce((n, c) => n + c.cpuMs, 0);
    phases[id] = {
      latency: summarize(list.flatMap((c) => c.latencies)),
      throughput: (count / wallMs) * 1000,
      cpuUsPerInteraction: (cpuMs * 1000) / count,
      failures: list.reduce((n, c) => n + c.failures.length, 0),
    };
  }
  const points = samples.map((s) => ({ x: s.interactions / 1000, y: s.rssMB }));
  return {
    readyMs,
    readyMsMedian: median(readyMs),
    rssAfterReadyMB: rssAfterReady / MB,
    rssAfterRunMB: rssAfterRun / MB,
    rssGrowthMB: (rssAfterRun - rssAfterReady) / MB,
    rssSamples: samples,
    rssTrendMBPer1k: slope(secondHalf(troughs(points, TROUGH_WINDOW))),
    rssTrendWholeRunMBPer1k: slope(troughs(points, TROUGH_WINDOW)),

    phases,
    gc,
    measuredInteractions: samples.at(-1)?.interactions ?? 0,
  };
}

/** A separate, shorter run under `--cpu-prof` (which slows the process), for where time goes. */
async function profileBoth(): Promise<Record<SubjectName, ProfileSummary>> {
  const summaries = {} as Record<SubjectName, ProfileSummary>;
  for (const name of SUBJECTS) {
    const dir = mkdtempSync(join(tmpdir(), `bench-prof-${name}-`));
    const handle = await startEmulator(EMULATOR);
    const subject = await startSubject(name, handle, [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      ...NODE_FLAGS,
    ]);
    const phases: Phase[] = [PHASES[1]!, PHASES[3]!];
    for (const phase of phases) {
      await runChunk(handle, subject.process.pid, phase, 0, PROFILE_INTERACTIONS / phases.length);
    }
    await subject.process.stop();
    await handle.close();
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`${name}: no .cpuprofile in ${dir}`);
    summaries[name] = summarizeProfile(join(dir, file));
    process.stdout.write(`e2e bench: ${name} profile kept at ${join(dir, file)}\n`);
  }
  return summaries;
}

function profileTable(profiles: Record<SubjectName, ProfileSummary>): string {
  const lines: string[] = [
    `### CPU profile (${PROFILE_INTERACTIONS} interactions at 10 in flight, half /agreement, half autocomplete; self time)`,
  ];
  for (const name of SUBJECTS) {
    const profile = profiles[name];
    lines.push(
      '',
      `${name}: ${profile.totalMs.toFixed(0)} ms sampled`,
      '',
      '| where | ms | share |',
      '| --- | ---: | ---: |',
    );
    for (const owner of profile.byOwner) {
      lines.push(`| ${owner.name} | ${owner.ms.toFixed(0)} | ${(owner.share * 100).toFixed(1)}% |`);
    }
    lines.push('', '| function (busy time) | ms | share |', '| --- | ---: | ---: |');
    for (const fn of profile.byFunction) {
      lines.push(`| \`${fn.name}\` | ${fn.ms.toFixed(0)} | ${(fn.share * 100).toFixed(1)}% |`);
    }
  }
  return lines.join('\n');
}

function secondHalf<T>(values: readonly T[]): T[] {
  return values.slice(Math.floor(values.length / 2));
}

function mapSubjects<T>(make: (name: SubjectName) => T): Record<SubjectName, T> {
  return { floor: make('floor'), bot: make('bot') };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

await main();
