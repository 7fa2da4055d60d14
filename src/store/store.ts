import { copyFile, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { decodeStoreText, stateFromFile, stateToFile, type SetAsideEntry } from './decode.js';
import { lockStoreFile } from './lock.js';
import { createStoreCore, type StoreState } from './memory.js';
import type { StorePorts } from './ports.js';
import { emptyStoreFile, type StoreFile } from './schema.js';

/** The part of a logger the store needs (pino's Logger fits). */
export interface StoreLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What opening found, for the boot log and the tests. */
export type OpenOutcome =
  | { kind: 'loaded' }
  | { kind: 'new' }
  | { kind: 'migrated'; from: number; copy: string }
  | { kind: 'recovered'; aside: string | null; reason: string }
  | { kind: 'reset'; aside: string | null; reason: string };

/** Entries that broke their schema, kept aside in `file`; the rest of the file is served. */
export interface SetAside {
  file: string;
  /** Servers whose settings were set aside: each admin is told at their next `/schedule`. */
  guildIds: string[];
  entries: number;
}

/** The JSON file on the ports, with what opening it found. One process only (see lock.ts). */
export interface JsonStore extends StorePorts {
  readonly outcome: OpenOutcome;
  /** Null when every entry was valid. */
  readonly setAside: SetAside | null;
  /** Resolves once everything changed so far is on disk. */
  flush(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The backend's clock: leases, entry times and the names of files kept aside. */
  now?: () => Date;
  /** Kept-aside copies of each label (corrupt, set-aside) beyond which the oldest go. */
  keepAside?: number;
}

/** Kept-aside copies of one kind kept at most: enough to look back, not to fill a disk. */
export const KEEP_ASIDE = 10;

/** The backup is rewritten at most this often (and always on close). */
const BACKUP_EVERY_MS = 1000;

/** How long a completion waits for a write to share before it gets one of its own. */
const SOON_MS = 250;

function stringify(file: StoreFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A free name beside `path` for a kept-aside copy: never replaces an earlier one. */
async function asideName(path: string, label: string, now: Date): Promise<string> {
  const base = `${path}.${label}-${stamp(now)}`;
  let name = base;
  for (let n = 1; await exists(name); n += 1) name = `${base}-${n}`;
  return name;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Removes the oldest kept-aside copies of `label` beyond `keep`, oldest by when each was put
 * aside (a rename sets the change time): names alone would not do, since a freed name is reused.
 */
async function capAside(path: string, label: string, keep: number, log: StoreLog): Promise<void> {
  const folder = dirname(path);
  const prefix = `${basename(path)}.${label}-`;
  try {
    const names = (await readdir(folder)).filter((name) => name.startsWith(prefix));
    if (names.length <= keep) return;
    const aged = await Promise.all(
      names.map(async (name) => ({ name, at: (await stat(join(folder, name))).ctimeMs })),
    );
    aged.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
    for (const { name } of aged.slice(0, aged.length - keep)) {
      await unlink(join(folder, name));
      log.info({ file: name, keep }, 'store: removed the oldest kept-aside copy');
    }
  } catch (error) {
    log.warn({ path, err: describe(error) }, 'store: could not tidy kept-aside copies');
  }
}

/**
 * Opens the settings and ledger file at `path` (lowdb, written atomically by steno's
 * temp-and-rename) on the store's ports. A file that cannot be read is moved aside, never
 * overwritten; the last good write, kept as `<path>.bak`, is recovered; an entry that breaks its
 * schema is set aside alone, its server's admin told at their next `/schedule`; and the store
 * serves on whatever happens. One process: a second one opening the file is refused.
 */
export async function openJsonStore(
  path: string,
  log: StoreLog,
  options: OpenStoreOptions = {},
): Promise<JsonStore> {
  const now = options.now ?? (() => new Date());
  const keep = options.keepAside ?? KEEP_ASIDE;
  const backupPath = `${path}.bak`;
  // A fresh install has no data folder yet (.data/ is git-ignored).
  await mkdir(dirname(path), { recursive: true });
  const unlock = await lockStoreFile(path, log, now);
  let migratedFrom = 0;
  let setAsideEntries: SetAsideEntry[] = [];
  const parse = (text: string): StoreFile => {
    const { file, from, setAside } = decodeStoreText(text);
    migratedFrom = from;
    setAsideEntries = setAside;
    return file;
  };
  const db = new Low<StoreFile>(new DataFile(path, { parse, stringify }), emptyStoreFile());
  const backup = new DataFile<StoreFile>(backupPath, { parse, stringify });
  // False when the main file could not be moved aside: then it must not be written over either.
  let writable = true;

  const moveAside = async (file: string, label: string): Promise<string | null> => {
    try {
      const target = await asideName(file, label, now());
      await rename(file, target);
      await capAside(file, label, keep, log);
      return target;
    } catch (error) {
      log.error({ file, err: describe(error) }, 'store: could not move an unreadable file aside');
      return null;
    }
  };

  const fromBackup = async (): Promise<{ file: StoreFile } | { problem: string }> => {
    try {
      const file = await backup.read();
      return file ? { file } : { problem: 'no backup' };
    } catch (error) {
      const aside = await moveAside(backupPath, 'corrupt');
      log.error(
        { file: backupPath, aside, err: describe(error) },
        'store: the backup is unreadable too',
      );
      return { problem: `backup unreadable: ${describe(error)}` };
    }
  };

  let outcome: OpenOutcome;
  let needsWrite = false;
  let loaded: StoreFile = emptyStoreFile();
  try {
    const file = await db.adapter.read();
    if (file === null) {
      const recovered = await fromBackup();
      if ('file' in recovered) {
        loaded = recovered.file;
        outcome = { kind: 'recovered', aside: null, reason: 'the file was missing' };
        log.error(
          { path, backupPath },
          'store: the file was missing; recovered the last good copy',
        );
        needsWrite = true;
      } else {
        outcome = { kind: 'new' };
        log.info({ path }, 'store: no file yet, starting empty');
      }
    } else if (migratedFrom < file.version) {
      const copy = await asideName(path, `v${migratedFrom}`, now());
      await copyFile(path, copy);
      loaded = file;
      outcome = { kind: 'migrated', from: migratedFrom, copy };
      log.warn(
        { event: 'store-migrated', path, from: migratedFrom, to: file.version, copy },
        'store: migrated the file',
      );
      needsWrite = true;
    } else {
      loaded = file;
      outcome = { kind: 'loaded' };
    }
  } catch (error) {
    setAsideEntries = [];
    const reason = describe(error);
    const aside = await moveAside(path, 'corrupt');
    if (aside === null) writable = false;
    log.error(
      { path, aside, err: reason },
      'store: THE SETTINGS FILE IS UNREADABLE; kept it aside',
    );
    const recovered = await fromBackup();
    if ('file' in recovered) {
      loaded = recovered.file;
      outcome = { kind: 'recovered', aside, reason };
      log.error({ path, backupPath }, 'store: serving the last good copy from the backup');
    } else {
      outcome = { kind: 'reset', aside, reason };
      log.error(
        { event: 'store-reset', path, problem: recovered.problem },
        'store: NO GOOD COPY; starting with no settings',
      );
    }
    needsWrite = writable;
  }

  const state: StoreState = stateFromFile(loaded);
  const setAside = await keepEntriesAside(setAsideEntries);
  if (setAside) needsWrite = writable;

  /** Writes the broken entries to a file of their own and leaves a notice for each server. */
  async function keepEntriesAside(entries: SetAsideEntry[]): Promise<SetAside | null> {
    if (entries.length === 0) return null;
    const file = await asideName(path, 'set-aside', now());
    await writeFile(file, `${JSON.stringify({ from: path, entries }, null, 1)}\n`);
    await capAside(path, 'set-aside', keep, log);
    const guildIds = [
      ...new Set(entries.filter((e) => e.part === 'guilds').map((e) => e.guildId ?? '')),
    ].filter((id) => id !== '');
    for (const id of guildIds) state.notices.set(id, { kind: 'settings-quarantined', at: now() });
    log.error(
      {
        event: 'store-set-aside',
        path,
        file,
        guildIds,
        entries: entries.map((e) => ({ part: e.part, guildId: e.guildId, problem: e.problem })),
      },
      'store: ENTRIES THAT BREAK THE SCHEMA WERE SET ASIDE; every other entry is served',
    );
    return { file, guildIds, entries: entries.length };
  }

  // One write at a time; changes made while a write runs share the next one.
  let tail: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  // The backup is the last copy known good: written only after the main file made it, and at
  // most once a second (and on close), so a burst of claims does not write everything twice.
  let backupDue: StoreFile | null = null;
  let lastBackupAt = Number.NEGATIVE_INFINITY;
  let backupTimer: NodeJS.Timeout | null = null;
  const writeBackup = async (): Promise<void> => {
    const file = backupDue;
    if (!file) return;
    backupDue = null;
    lastBackupAt = Date.now();
    await backup.write(file);
  };
  // A write made soon (persistSoon): pending until this timer, or any earlier write, runs.
  let soonTimer: NodeJS.Timeout | null = null;
  const writeNow = async (): Promise<void> => {
    queued = null;
    // This write takes the whole state: what waited to be written soon goes with it.
    if (soonTimer) clearTimeout(soonTimer);
    soonTimer = null;
    db.data = stateToFile(state);
    await db.write();
    backupDue = db.data;
    if (Date.now() - lastBackupAt >= BACKUP_EVERY_MS) await writeBackup();
    else if (!backupTimer) {
      backupTimer = setTimeout(() => {
        backupTimer = null;
        tail = tail.then(writeBackup).catch((error: unknown) => {
          log.error({ path: backupPath, err: describe(error) }, 'store: backup write failed');
        });
      }, BACKUP_EVERY_MS);
      // A pending backup never keeps the process alive; close() writes it.
      backupTimer.unref();
    }
  };
  const persist = (): Promise<void> => {
    if (!writable) {
      log.error({ path }, 'store: not writing over a file that could not be moved aside');
      return Promise.reject(
        new Error(`store: ${path} could not be moved aside, so it is not written`),
      );
    }
    if (queued) return queued;
    const next = tail.then(writeNow).catch((error: unknown) => {
      log.error({ path, err: describe(error) }, 'store: write failed; the change is taken back');
      throw error;
    });
    queued = next;
    tail = next.catch(() => undefined);
    return next;
  };

  /**
   * Completions are written with the next write, or within SOON_MS: a burst of posts writes
   * its claims (which must be on disk before each send) and carries the completions along,
   * instead of writing the whole file twice per post.
   */
  const persistSoon = (): void => {
    // A write not yet started takes the state as it is when it starts: this change included.
    if (queued || soonTimer || !writable) return;
    soonTimer = setTimeout(() => {
      soonTimer = null;
      persist().catch(() => {
        // Logged by persist; the change stays in memory and goes with the next write.
      });
    }, SOON_MS);
  };
  /** Starts the write persistSoon is waiting to make, if any, and resolves once all is on disk. */
  const flush = async (): Promise<void> => {
    if (soonTimer) {
      clearTimeout(soonTimer);
      soonTimer = null;
      await persist().catch(() => undefined);
    }
    await tail;
  };

  if (needsWrite) await persist();

  const core = createStoreCore(state, { now, persist, persistSoon, backend: 'json' });
  let closed = false;
  return {
    outcome,
    setAside,
    settings: core.settings,
    ledger: core.ledger,
    notices: core.notices,
    reports: core.reports,
    follows: core.follows,
    polls: core.polls,
    suggestions: core.suggestions,
    backend: 'json',
    healthy: () => Promise.resolve(writable && !closed),
    flush,
    async close() {
      if (closed) return;
      closed = true;
      await flush();
      if (backupTimer) clearTimeout(backupTimer);
      backupTimer = null;
      await tail;
      await writeBackup().catch((error: unknown) => {
        log.error({ path: backupPath, err: describe(error) }, 'store: backup write failed');
      });
      await unlock();
    },
  };
}
