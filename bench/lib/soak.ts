import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/bot/bot-process.js';
import { slope, troughs } from './stats.js';

/** One soak round as the summary reads it: `at` thousands of calls in, the memory seen then. */
export interface SoakSample {
  at: number;
  liveAfterFullGcMB: readonly number[];
  rssMB: number;
}

/**
 * The memory trend of a soak, as both soaks report it. The first round holds the start-up heap
 * and the heap's growth to its working size, so the trend is read over the rest; RSS saws with
 * collection, so its trend is read from its troughs (`troughWindow` rounds wide).
 */
export function summarizeSoak(samples: readonly SoakSample[], troughWindow: number) {
  const settled = samples.slice(1);
  const live = settled.flatMap((r) => r.liveAfterFullGcMB.map((y) => ({ x: r.at, y })));
  const liveValues = live.map((p) => p.y);
  const rss = settled.map((r) => ({ x: r.at, y: r.rssMB }));
  return {
    liveHeapMB: { min: Math.min(...liveValues), max: Math.max(...liveValues) },
    liveHeapTrendMBPer10k: slope(live) * 10,
    rssMB: { min: Math.min(...rss.map((p) => p.y)), max: Math.max(...rss.map((p) => p.y)) },
    rssTrendMBPer10k: slope(troughs(rss, troughWindow)) * 10,
  };
}

/** Writes bench/results/<name>.json: the command, date, Node version, summary and rounds. */
export function writeSoakResult(name: string, summary: object, rounds: readonly object[]): void {
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'results', `${name}.json`),
    `${JSON.stringify({ command: 'npm run bench', date: new Date().toISOString(), node: process.version, summary, rounds }, null, 2)}\n`,
  );
}
