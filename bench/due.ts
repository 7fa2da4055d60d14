/**
 * What one tick costs: computeDueForGuilds over 10,000 servers.
 * Run with `npx tsx bench/due.ts`. Not a test: numbers depend on the machine.
 */
import { performance } from 'node:perf_hooks';
import { loadData } from '../src/data/load.js';
import { computeDueForGuilds, type DuePost } from '../src/schedule/due.js';
import { loadPrompts } from '../src/schedule/prompts.js';
import type { GuildSettings } from '../src/store/domain.js';
import { guildId, variedSettings, type ServerMix } from './lib/servers.js';

const SERVERS = 10_000;
const ZONES = [
  'Europe/Kyiv',
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Warsaw',
  'Europe/Paris',
  'Europe/Helsinki',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Africa/Cairo',
];

const data = loadData();
const prompts = loadPrompts(data);

/** Most people pick round times. */
const MINUTES = [0, 0, 0, 0, 30, 30, 15, 45, 5, 50];

const MIX: ServerMix = {
  zones: ZONES,
  minutes: MINUTES,
  pingRoleId: (i) => (i % 4 === 0 ? '555555555555555555' : null),
  promptsSeen: (i) => prompts.prompts.slice(0, i % prompts.prompts.length).map((p) => p.id),
};
const settingsOf = (i: number): GuildSettings => variedSettings(i, MIX);

/** Every server due at once: 09:00 Kyiv on an anniversary that is also the digest day. */
function worstSettings(i: number): GuildSettings {
  return {
    ...settingsOf(i),
    hour: 9,
    minute: 0,
    timeZone: 'Europe/Kyiv',
    paused: false,
    anniversaries: true,
    digest: { enabled: true, weekday: 1 },
    prompts: 'daily',
  };
}

interface Scenario {
  name: string;
  now: Date;
  settingsFor: (i: number) => GuildSettings;
  /** Let the runner have run a minute earlier, so everything before is settled in the log. */
  steady: boolean;
}

function run({ name, now, settingsFor, steady }: Scenario): void {
  const settings = new Map<string, GuildSettings>();
  const logs = new Map<string, Set<string>>();
  for (let i = 0; i < SERVERS; i += 1) {
    settings.set(guildId(i), settingsFor(i));
    logs.set(guildId(i), new Set());
  }
  const ids = [...settings.keys()];
  const tick = (at: Date): DuePost[] =>
    computeDueForGuilds({
      now: at,
      guildIds: ids,
      settingsFor: (id) => settings.get(id),
      postLogFor: (id) => logs.get(id) ?? new Set(),
      data,
      prompts,
    });

  if (steady) {
    // What a running bot's log holds: everything due or missed up to a minute ago, settled.
    for (const post of tick(new Date(now.getTime() - 60_000)))
      logs.get(post.guildId)!.add(post.key);
  } else {
    tick(new Date(now.getTime() - 86_400_000)); // warm the JIT on another day
  }
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let posts: DuePost[] = [];
  for (let round = 0; round < 5; round += 1) {
    const start = performance.now();
    posts = tick(now);
    times.push(performance.now() - start);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  const due = posts.filter((p) => p.status === 'due').length;
  console.log(
    `${name}: ${SERVERS} servers, ${due} due, ${posts.length - due} missed; ` +
      `median ${times[2]!.toFixed(1)} ms per tick (min ${times[0]!.toFixed(1)}, max ${times[4]!.toFixed(1)}); ` +
      `heap +${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB over 5 ticks; ` +
      `RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB more)`,
  );
}

const at = new Date('2026-02-16T07:00:00.000Z');
console.log(
  `node ${process.version}, ${prompts.prompts.length} prompts, ${data.agreements.length} agreements`,
);
console.log(`baseline RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
run({
  name: 'steady tick (varied zones and hours)',
  now: at,
  settingsFor: settingsOf,
  steady: true,
});
run({
  name: 'first tick after a day down (varied)',
  now: at,
  settingsFor: settingsOf,
  steady: false,
});
run({
  name: 'worst tick (all 10,000 due at once)',
  now: at,
  settingsFor: worstSettings,
  steady: false,
});
