import { resolve } from 'node:path';
import type { Config } from '../config.js';
import type { StorePorts } from './ports.js';
import { openJsonStore, type StoreLog } from './store.js';

/** The store chosen by config, for logs and shutdown. */
export interface OpenedStore {
  store: StorePorts;
  /** Where it lives, safe to log: the file's absolute path, or "postgres" (never the URL). */
  where: string;
}

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/**
 * Opens the backend the config names: no `DATABASE_URL` → the JSON file at STORE_PATH (one
 * process, nothing to install); with it → PostgreSQL (many processes).
 */
export async function openStoreFromConfig(
  config: Pick<Config, 'STORE_PATH' | 'DATABASE_URL'>,
  log: StoreLog,
  options: { now?: () => Date } = {},
): Promise<OpenedStore> {
  if (config.DATABASE_URL !== undefined) {
    // ── PostgreSQL plugs in here ──────────────────────────────────────────────────────────
    // Once src/store/postgres/index.ts exists (the PostgreSQL backend's own branch):
    //   const { openPostgresStore } = await import('./postgres/index.js');
    //   return { store: await openPostgresStore(config.DATABASE_URL, log), where: 'postgres' };
    throw new StoreUnavailableError(
      'PostgreSQL backend not available yet in this build: unset DATABASE_URL to use the JSON file (STORE_PATH).',
    );
  }
  // Relative to the working directory, so a start from another folder finds another file: say
  // which one.
  const path = resolve(config.STORE_PATH);
  const store = await openJsonStore(path, log, options);
  log.info(
    { backend: 'json', path, outcome: store.outcome.kind, setAside: store.setAside?.entries ?? 0 },
    'store open',
  );
  return { store, where: path };
}
