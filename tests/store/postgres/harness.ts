import { afterAll, beforeAll, inject } from 'vitest';
import {
  createDatabase,
  startPostgresServer,
  type PostgresServer,
} from '../../helpers/postgres-server.js';
import type { StorePorts } from '../../../src/store/ports.js';
import type { GuildSettings } from '../../../src/store/domain.js';
import { openPostgresStore, type OpenPostgresOptions } from '../../../src/store/postgres/index.js';
import type { PostgresLog } from '../../../src/store/postgres/pool.js';
import { guildSettings } from '../../helpers/settings.js';

/** The run's PostgreSQL server (tests/helpers/postgres-global-setup.ts), null when none. */
export const postgresUrl = inject('postgresUrl');
export const noPostgres = postgresUrl === null;

export interface RecordingLog extends PostgresLog {
  lines: { level: string; msg: string; obj: object }[];
}

export function recordingLog(): RecordingLog {
  const lines: RecordingLog['lines'] = [];
  const at = (level: string) => (obj: object, msg: string) => lines.push({ level, msg, obj });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A database of this test file's own. */
export async function freshDatabase(label: string): Promise<string> {
  if (postgresUrl === null) throw new Error('no PostgreSQL');
  return createDatabase(postgresUrl, label);
}

export async function openOn(url: string, options: OpenPostgresOptions = {}) {
  return openPostgresStore(url, recordingLog(), options);
}

export const GUILD = '100000000000000001';

export function settingsFor(overrides: Partial<GuildSettings> = {}): GuildSettings {
  return guildSettings({
    channelId: '200000000000000001',
    digest: { enabled: true, weekday: 1 },
    prompts: 'daily',
    language: 'en',
    activeSince: '2026-01-01T00:00:00.000Z',
    ...overrides,
  });
}

/** A distinct valid guild id per number. */
export function guildId(n: number): string {
  return String(100000000000000000n + BigInt(n));
}

/** The retake window these tests use: short enough to wait out, long enough for a retake. */
export const TEST_RETAKE_WINDOW_MS = 1_500;

export function claimFor(guild: string, key: string, owner: string, leaseMs = 30_000) {
  return {
    retakeWindowMs: TEST_RETAKE_WINDOW_MS,
    guildId: guild,
    key,
    kind: 'prompt' as const,
    localDate: '2026-02-16',
    nonce: `n-${guild.slice(-6)}-${key}`.slice(0, 25),
    owner,
    leaseMs,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A PostgreSQL server of the calling block's own, for tests that stop and start it (the run's
 * shared one stays up), with a store on it that gives up within a second. Read its fields inside
 * the tests: beforeAll fills them.
 */
export function useOwnServer(): { readonly server: PostgresServer; readonly store: StorePorts } {
  const own = {} as { server: PostgresServer; store: StorePorts };
  beforeAll(async () => {
    own.server = await startPostgresServer();
    own.store = await openOn(own.server.url, { connectTimeoutMs: 1_000, healthTimeoutMs: 1_000 });
  }, 60_000);
  afterAll(async () => {
    await own.store?.close();
    own.server?.destroy();
  });
  return own;
}
