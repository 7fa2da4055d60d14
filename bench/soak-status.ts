/**
 * Soak of `/schedule status`: one server set up, then 40,000 status calls (10 in flight) against
 * the built bot on the emulator, with the live heap after each full collection (from --trace-gc)
 * and the RSS after every 5,000. Each call works out the next posts for a new instant; when the
 * memo of local days was keyed by the instant, 23,000 of them took the live heap from 26 to 143 MB.
 * Keyed by the local dates, the live heap should wander within a band.
 *
 *   npm run bench                (runs this after the others)
 *   node --import tsx bench/soak-status.ts [--rounds N] [--per-round N]
 */
import { parseArgs } from 'node:util';
import { FAKE_TOKEN } from '../tests/e2e/bot/bot-process.js';
import { adminSchedule, setupOptions } from '../tests/e2e/bot/schedule.js';
import { EPHEMERAL, messageOf, roundTrip } from '../tests/e2e/bot/wire.js';
import { CallbackType, DEFAULT_CHANNELS, startEmulator } from '../tests/e2e/emulator/index.js';
import type { RecordedCallback } from '../tests/e2e/emulator/index.js';
import { drive } from './e2e/driver.js';
import { readGcTrace } from './e2e/gc-trace.js';
import { buildSubjects, startSubject } from './e2e/subjects.js';
import { readRssBytes } from './lib/proc.js';
import { summarizeSoak, writeSoakResult } from './lib/soak.js';
import { summarize } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '8' },
    'per-round': { type: 'string', default: '5000' },
  },
});
const ROUNDS = Number.parseInt(args.rounds, 10);
const PER_ROUND = Number.parseInt(args['per-round'], 10);
const CONCURRENCY = 10;
const MB = 1024 * 1024;
/** RSS samples whose lowest makes one point of its trend, as in the other soak. */
const TROUGH_WINDOW = 2;

interface Round {
  calls: number;
  liveAfterFullGcMB: number[];
  rssMB: number;
  p50Ms: number;
  p99Ms: number;
}

/** A status answer: ephemeral, with the status embed (not an error line). */
function isStatus(callback: RecordedCallback): boolean {
  const message = messageOf(callback);
  return (
    callback.type === CallbackType.ChannelMessage &&
    ((message.flags ?? 0) & EPHEMERAL) === EPHEMERAL &&
    (message.embeds?.length ?? 0) > 0
  );
}

process.stdout.write('soak-status: building the bot…\n');
buildSubjects();
const handle = await startEmulator({ token: FAKE_TOKEN });
const bot = await startSubject('bot', handle, ['--trace-gc']);
const channelId = handle.channel(DEFAULT_CHANNELS.general, handle.guild(0).id).id;
const setup = await roundTrip(handle, adminSchedule(handle, 'setup', setupOptions(channelId)));
if (!isStatus(setup)) throw new Error(`setup failed: ${JSON.stringify(messageOf(setup))}`);

const rounds: Round[] = [];
let readLines = bot.process.stdoutLines.length;
for (let round = 0; round < ROUNDS; round += 1) {
  const result = await drive(
    handle,
    () => adminSchedule(handle, 'status'),
    PER_ROUND,
    CONCURRENCY,
    isStatus,
  );
  if (result.failures.length > 0) throw new Error(`${result.failures.length} wrong answers`);
  handle.forgetRecords();
  const lines = bot.process.stdoutLines;
  const gc = readGcTrace(lines.slice(readLines));
  readLines = lines.length;
  const latency = summarize(result.latencies);
  rounds.push({
    calls: (round + 1) * PER_ROUND,
    liveAfterFullGcMB: gc.liveAfterFullGcMB,
    rssMB: readRssBytes(bot.process.pid) / MB,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
  });
}
await bot.process.stop();
await handle.close();

const summary = {
  statusCalls: rounds.at(-1)?.calls ?? 0,
  ...summarizeSoak(
    rounds.map((r) => ({ ...r, at: r.calls / 1000 })),
    TROUGH_WINDOW,
  ),
};
writeSoakResult('soak-status', summary, rounds);

const table = [
  '',
  `## Soak: /schedule status, ${summary.statusCalls.toLocaleString('en')} calls at ${CONCURRENCY} in flight`,
  '',
  '| after | live heap after full GCs (MB) | RSS (MB) | p50 / p99 (ms) |',
  '| ---: | --- | ---: | ---: |',
  ...rounds.map(
    (r) =>
      `| ${r.calls / 1000}k | ${r.liveAfterFullGcMB.map((x) => x.toFixed(1)).join(', ') || '–'} | ${r.rssMB.toFixed(0)} | ${r.p50Ms.toFixed(1)} / ${r.p99Ms.toFixed(1)} |`,
  ),
  '',
  `After the first ${PER_ROUND / 1000}k: live heap ${summary.liveHeapMB.min.toFixed(1)}–${summary.liveHeapMB.max.toFixed(1)} MB, trend ${summary.liveHeapTrendMBPer10k.toFixed(3)} MB per 10k; RSS ${summary.rssMB.min.toFixed(0)}–${summary.rssMB.max.toFixed(0)} MB, trend of its troughs ${summary.rssTrendMBPer10k.toFixed(2)} MB per 10k. Written to bench/results/soak-status.json.`,
  '',
];
process.stdout.write(table.join('\n'));
