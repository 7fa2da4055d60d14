import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase } from '../../helpers/postgres-server.js';
import { readStoreFile, type StoreFileView } from './schedule.js';

/**
 * The store backends the end-to-end tests run the real bot on: the JSON file always, and
 * PostgreSQL (DATABASE_URL, a database of its own on the run's throwaway server) wherever one is
 * installed (tests/helpers/postgres-global-setup.ts; CI requires it). Files that cover the store
 * run their suites once per backend with `describe.each(E2E_BACKENDS)`.
 */
export type E2eBackend = 'json' | 'postgres';

const postgresUrl = inject('postgresUrl');

export const E2E_BACKENDS: E2eBackend[] = postgresUrl === null ? ['json'] : ['json', 'postgres'];

/** Where one bot's store lives across its restarts: a folder, and for PostgreSQL a database. */
export interface E2eStore {
  backend: E2eBackend;
  /** The environment that points a bot at this store (DATABASE_URL for PostgreSQL). */
  env(): Promise<Record<string, string>>;
  /** What the store holds now, in the JSON file's shape, whichever backend keeps it. */
  read(storePath: string): Promise<StoreFileView>;
}

export function e2eStore(backend: E2eBackend): E2eStore {
  let url: Promise<string> | null = null;
  const database = (): Promise<string> => {
    if (postgresUrl === null) throw new Error('no PostgreSQL for the postgres backend');
    url ??= createDatabase(postgresUrl, 'e2e');
    return url;
  };
  return {
    backend,
    env: async (): Promise<Record<string, string>> =>
      backend === 'postgres' ? { DATABASE_URL: await database() } : {},
    read: async (storePath) =>
      backend === 'postgres' ? readDatabase(await database()) : readStoreFile(storePath),
  };
}

/** The settings and ledger tables as StoreFileView: the view the tests assert on. */
async function readDatabase(url: string): Promise<StoreFileView> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const settings = await client.query<{
      guild_id: string;
      value: StoreFileView['guilds'][string];
    }>('SELECT guild_id, value FROM settings WHERE value IS NOT NULL');
    const ledger = await client.query<{
      guild_id: string;
      kind: string;
      key: string;
      state: StoreFileView['ledger'][number]['state'];
      owner: string | null;
      attempts: number;
      message_id: string | null;
      at: Date;
    }>(
      'SELECT guild_id, kind, key, state, owner, attempts, message_id, at FROM ledger ORDER BY at',
    );
    return {
      version: 3,
      guilds: Object.fromEntries(settings.rows.map((row) => [row.guild_id, row.value])),
      ledger: ledger.rows.map((row) => ({
        guildId: row.guild_id,
        kind: row.kind,
        key: row.key,
        state: row.state,
        owner: row.owner,
        attempts: row.attempts,
        messageId: row.message_id,
        at: row.at.toISOString(),
      })),
    };
  } finally {
    await client.end();
  }
}
