/**
 * Soak: the bot alone on the emulator for 240,000 interactions (/agreement and autocomplete, 10 in
 * flight), to tell a leak from the saw of garbage collection over a run six times the e2e
 * bench's. After every 10,000: the live heap after each full collection (from --trace-gc) and the
 * RSS. A leak shows as a live heap that climbs; here it should wander within a band.
 *
 *   npm run bench                (runs this after the others)
 *   node --import tsx bench/soak.ts [--rounds N]
 */
import { parseArgs } from 'node:util';
import { FAKE_TOKEN } from '../tests/e2e/bot/bot-process.js';
import { startEmulator } from '../tests/e2e/emulator/index.js';
import { readGcTrace } from './e2e/gc-trace.js';
import { PHASES, runChunk } from './e2e/measure.js';
import { buildSubjects, startSubject } from './e2e/subjects.js';
import { readRssBytes } from './lib/proc.js';
import { summarizeSoak, writeSoakResult } from './lib/soak.js';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '24' } } });
const ROUNDS = Number.parseInt(args.rounds, 10);
/** Per round: this many of each workload, so a round is 10,000 interactions. */
const PER_WORKLOAD = 5_000;
const MB = 1024 * 1024;
/** RSS samples whose lowest makes one point of its trend, as in the e2e bench. */
const TROUGH_WINDOW = 4;

interface Round {
  interactions: number;
  liveAfterFullGcMB: number[];
  rssMB: number;
}

process.stdout.write('soak: building the bot…\n');
buildSubjects();
const handle = await startEmulator({ token: FAKE_TOKEN });
const bot = await startSubject('bot', handle, ['--trace-gc']);
const rounds: Round[] = [];
let readLines = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  for (const phase of [PHASES[1]!, PHASES[3]!]) {
    const chunk = await runChunk(
      handle,
      bot.process.pid,
      phase,
      round * PER_WORKLOAD,
      PER_WORKLOAD,
    );
    if (chunk.failures.length > 0) throw new Error(`${chunk.failures.length} wrong answers`);
    handle.forgetRecords();
  }
  const lines = bot.process.stdoutLines;
  const gc = readGcTrace(lines.slice(readLines));
  readLines = lines.length;
  rounds.push({
    interactions: (round + 1) * 2 * PER_WORKLOAD,
    liveAfterFullGcMB: gc.liveAfterFullGcMB,
    rssMB: readRssBytes(bot.process.pid) / MB,
  });
}
await bot.process.stop();
await handle.close();

const summary = {
  interactions: rounds.at(-1)?.interactions ?? 0,
  ...summarizeSoak(
    rounds.map((r) => ({ ...r, at: r.interactions / 1000 })),
    TROUGH_WINDOW,
  ),
};
writeSoakResult('soak', summary, rounds);

const table = [
  '',
  `## Soak: the bot alone, ${summary.interactions.toLocaleString('en')} interactions at 10 in flight`,
  '',
  '| after | live heap after full GCs (MB) | RSS (MB) |',
  '| ---: | --- | ---: |',
  ...rounds.map(
    (r) =>
      `| ${r.interactions / 1000}k | ${r.liveAfterFullGcMB.map((x) => x.toFixed(1)).join(', ') || '–'} | ${r.rssMB.toFixed(0)} |`,
  ),
  '',
  `After the first 10k: live heap ${summary.liveHeapMB.min.toFixed(1)}–${summary.liveHeapMB.max.toFixed(1)} MB, trend ${summary.liveHeapTrendMBPer10k.toFixed(3)} MB per 10k; RSS ${summary.rssMB.min.toFixed(0)}–${summary.rssMB.max.toFixed(0)} MB, trend of its troughs ${summary.rssTrendMBPer10k.toFixed(2)} MB per 10k. Written to bench/results/soak.json.`,
  '',
];
process.stdout.write(table.join('\n'));
