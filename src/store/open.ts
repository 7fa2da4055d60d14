import { resolve } from 'node:path';
import type { CooldownKeeper } from '../commands/cooldowns.js';
import type { Config } from '../config.js';
import type { PartitionPort } from '../schedule/partition-owner.js';
import type { StorePorts } from './ports.js';
import { openJsonStore, type StoreLog } from './store.js';

/** The store chosen by config, for logs and shutdown. */
export interface OpenedStore {
  store: StorePorts;
  /** Where it lives, safe to log: the file's absolute path, or "postgres" (never the URL). */
  where: string;
  /**
   * With PostgreSQL: partition leases, so several processes split the scheduled work, and
   * cooldowns that hold across them. Absent for the JSON file (one process).
   */
  shared?: { partitions: PartitionPort; cooldowns: CooldownKeeper };
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
    // Loaded only when asked for, so the JSON-file setup never loads the driver.
    const { openPostgresStore } = await import('./postgres/index.js');
    const store = await openPostgresStore(config.DATABASE_URL, log);
    log.info({ backend: 'postgres' }, 'store open');
    return {
      store,
      where: 'postgres',
      shared: { partitions: store.partitions, cooldowns: store.cooldowns },
    };
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
