import type { GuildSettings, PromptCadence } from '../../src/store/domain.js';

/* The made-up servers the due and store benches schedule: one generator, each bench its own mix. */

const CADENCES: PromptCadence[] = ['daily', 'weekly', 'off'];

/** Server i's id: a snowflake-sized number, distinct for each i. */
export function guildId(i: number): string {
  return String(100_000_000_000_000_000n + BigInt(i));
}

/** A cheap deterministic hash, so the settings vary independently of each other. */
export function hash(i: number, salt: number): number {
  return Math.abs(Math.imul(i ^ salt, 2654435761) ^ (i >>> 3)) >>> 0;
}

/** What a bench varies: the zones and minutes drawn from, and what a server has pinged and seen. */
export interface ServerMix {
  zones: readonly string[];
  minutes: readonly number[];
  pingRoleId: (i: number) => string | null;
  promptsSeen: (i: number) => string[];
}

/** Deterministic variety: zone, hour, minute, kinds and cadence all vary with the index. */
export function variedSettings(i: number, mix: ServerMix): GuildSettings {
  return {
    channelId: '333333333333333333',
    hour: 4 + (hash(i, 1) % 20),
    minute: mix.minutes[hash(i, 2) % mix.minutes.length]!,
    timeZone: mix.zones[hash(i, 3) % mix.zones.length]!,
    paused: i % 50 === 0,
    blocked: null,
    anniversaries: i % 3 !== 0,
    digest: { enabled: i % 2 === 0, weekday: 1 + (i % 7) },
    prompts: CADENCES[i % 3]!,
    pingRoleId: mix.pingRoleId(i),
    language: null,
    promptsSeen: mix.promptsSeen(i),
    activeSince: '2025-01-01T00:00:00.000Z',
  };
}
