import type { LatencySummary } from '../lib/stats.js';
import type { GcStats } from './gc-trace.js';
import type { SubjectName } from './subjects.js';

export interface PhaseResult {
  latency: LatencySummary;
  /** Interactions a second over the phase's chunks. */
  throughput: number;
  /** CPU (user + system) of the subject's process per interaction, microseconds. */
  cpuUsPerInteraction: number;
  failures: number;
}

export interface SubjectResult {
  /** Spawn to ready, each start, ms. */
  readyMs: number[];
  readyMsMedian: number;
  rssAfterReadyMB: number;
  rssAfterRunMB: number;
  rssGrowthMB: number;
  /** RSS after every chunk of 1,000 measured interactions. */
  rssSamples: { interactions: number; rssMB: number }[];
  /** Least-squares slope of RSS troughs over the second half of the run, MB per 1,000 interactions. */
  rssTrendMBPer1k: number;
  /** The same over the whole run, heap warm-up included. */
  rssTrendWholeRunMBPer1k: number;
  phases: Record<string, PhaseResult>;
  /** Garbage collection during the measured run (`--trace-gc`). */
  gc: GcStats;
  measuredInteractions: number;
}

export interface Target {
  name: string;
  floor: number;
  bot: number;
  limit: string;
  met: boolean;
}

export type Results = Record<SubjectName, SubjectResult>;

const fixed = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

interface Row {
  label: string;
  read: (result: SubjectResult) => number;
  digits?: number;
}

function rows(phaseIds: readonly string[]): Row[] {
  const latencyRows = phaseIds.flatMap((id): Row[] => [
    { label: `${id} p50 (ms)`, read: (r) => r.phases[id]!.latency.p50, digits: 2 },
    { label: `${id} p99 (ms)`, read: (r) => r.phases[id]!.latency.p99, digits: 2 },
  ]);
  return [
    { label: 'start to ready (ms, median of starts)', read: (r) => r.readyMsMedian, digits: 0 },
    ...latencyRows,
    ...phaseIds.map((id): Row => ({
      label: `${id} throughput (/s)`,
      read: (r) => r.phases[id]!.throughput,
      digits: 0,
    })),
    ...phaseIds.map((id): Row => ({
      label: `${id} CPU per interaction (µs)`,
      read: (r) => r.phases[id]!.cpuUsPerInteraction,
      digits: 0,
    })),
    { label: 'RSS after ready (MB)', read: (r) => r.rssAfterReadyMB },
    { label: 'RSS after the run (MB)', read: (r) => r.rssAfterRunMB },
    { label: 'RSS growth, ready to end (MB)', read: (r) => r.rssGrowthMB },
    {
      label: 'RSS trend (troughs), 2nd half (MB per 1k)',
      read: (r) => r.rssTrendMBPer1k,
      digits: 3,
    },
    {
      label: 'RSS trend (troughs), whole run (MB per 1k)',
      read: (r) => r.rssTrendWholeRunMBPer1k,
      digits: 3,
    },
    {
      label: 'heap live after the first full GC of the run (MB)',
      read: (r) => r.gc.liveAfterFullGcMB[0] ?? Number.NaN,
    },
    {
      label: 'heap live after the last full GC of the run (MB)',
      read: (r) => r.gc.liveAfterFullGcMB.at(-1) ?? Number.NaN,
    },
    {
      label: 'GC: scavenges per 1k interactions',
      read: (r) => (r.gc.scavenges * 1000) / r.measuredInteractions,
    },
    {
      label: 'GC: pause per 1k interactions (ms)',
      read: (r) => (r.gc.pauseMs * 1000) / r.measuredInteractions,
    },
    { label: 'GC: longest pause (ms)', read: (r) => r.gc.maxPauseMs },
  ];
}

/** The figures side by side, with the ratio bot/floor. */
export function markdownTable(results: Results, phaseIds: readonly string[]): string {
  const lines = ['| metric | floor | bot | bot / floor |', '| --- | ---: | ---: | ---: |'];
  for (const row of rows(phaseIds)) {
    const floor = row.read(results.floor);
    const bot = row.read(results.bot);
    const ratio = floor !== 0 ? bot / floor : Number.NaN;
    lines.push(
      `| ${row.label} | ${fixed(floor, row.digits)} | ${fixed(bot, row.digits)} | ${fixed(ratio, 2)} |`,
    );
  }
  return lines.join('\n');
}

export function targetsTable(targets: readonly Target[]): string {
  const lines = ['| target | floor | bot | limit | met |', '| --- | ---: | ---: | --- | --- |'];
  for (const t of targets) {
    lines.push(
      `| ${t.name} | ${fixed(t.floor, 2)} | ${fixed(t.bot, 2)} | ${t.limit} | ${t.met ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

/** p99 within 1.2× of the floor, RSS within 15 MB of the floor, no RSS growth trend. */
export function evaluateTargets(
  results: Results,
  phaseIds: readonly string[],
  trendLimitMBPer1k: number,
): Target[] {
  const { floor, bot } = results;
  return [
    ...phaseIds.map((id): Target => {
      const f = floor.phases[id]!.latency.p99;
      const b = bot.phases[id]!.latency.p99;
      return {
        name: `${id} p99 (ms)`,
        floor: f,
        bot: b,
        limit: '≤ 1.2 × floor',
        met: b <= 1.2 * f,
      };
    }),
    {
      name: 'RSS after ready (MB)',
      floor: floor.rssAfterReadyMB,
      bot: bot.rssAfterReadyMB,
      limit: '≤ floor + 15',
      met: bot.rssAfterReadyMB <= floor.rssAfterReadyMB + 15,
    },
    {
      name: 'RSS after the run (MB)',
      floor: floor.rssAfterRunMB,
      bot: bot.rssAfterRunMB,
      limit: '≤ floor + 15',
      met: bot.rssAfterRunMB <= floor.rssAfterRunMB + 15,
    },
    {
      name: 'RSS trend (troughs), 2nd half (MB per 1k)',
      floor: floor.rssTrendMBPer1k,
      bot: bot.rssTrendMBPer1k,
      limit: `≤ ${trendLimitMBPer1k}`,
      met: bot.rssTrendMBPer1k <= trendLimitMBPer1k,
    },
  ];
}
