/**
 * RSS of one shard process holding 2,500 servers: the bot against a bare discord.js client (the
 * floor bot, default caches) holding the same servers, each against its own emulator. Guilds are
 * the size SCALE-NOTES measured the bare client at: 10 text channels and 15 roles, 3 members.
 * Both run as built JavaScript under plain node. Target: the bot at or below the bare client.
 *
 *   npx tsx bench/rss.ts            (BENCH_RSS_GUILDS=… to change the count)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

interface Measured {
  subject: SubjectName;
  guilds: number;
  readyAfterMs: number;
  rssMiB: number;
  samplesMiB: number[];
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
        samplesMiB.push(readRssBytes(running.process.pid) / 2 ** 20);
        await sleep(1_000);
      }
      const sorted = [...samplesMiB].sort((a, b) => a - b);
      return {
        subject,
        guilds: GUILDS,
        readyAfterMs: Math.round(running.readyAfterMs),
        rssMiB: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(1)),
        samplesMiB: samplesMiB.map((v) => Number(v.toFixed(1))),
      };
    } finally {
      await running.process.stop();
    }
  } finally {
    await handle.close();
  }
}

buildSubjects();
const floor = await measure('floor');
const bot = await measure('bot');
const result = {
  when: new Date().toISOString(),
  node: process.version,
  guilds: GUILDS,
  perGuild: { textChannels: 10, roles: 15, members: 3 },
  floor,
  bot,
  botOverFloor: Number((bot.rssMiB / floor.rssMiB).toFixed(3)),
  target: 'bot RSS at or below the bare client',
  met: bot.rssMiB <= floor.rssMiB,
};
console.log(
  `RSS at ${GUILDS} servers: bot ${bot.rssMiB} MiB, bare discord.js ${floor.rssMiB} MiB ` +
    `(bot/bare ${result.botOverFloor}; target ≤ 1: ${result.met ? 'met' : 'NOT met'})`,
);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'rss.json'), `${JSON.stringify(result, null, 2)}\n`);
