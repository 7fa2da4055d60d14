// Temporary: the synchronous store the runner and commands still use until they move to the ports (next commits).
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { migrateToCurrent, StoreDecodeError } from './migrate.js';
import { guildSettingsSchema, type GuildSettings } from '../domain.js';
import {
  emptyStoreFile,
  postLogEntrySchema,
  storeFileSchema,
  type PostLogEntry,
  type StoreFile,
} from './schema.js';

/** The part of a logger the store needs (pino's Logger fits). */
export interface StoreLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * How long post-log entries are kept, counted back from a guild's newest entry of the same kind.
 * Idempotency needs only the last day or two (the grace window plus catch-up); the rest keeps the
 * whole file, rewritten on every change, small. The newest entry of each kind always stays, for
 * `/schedule status`.
 */
export const POST_LOG_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;

/** What opening found, for the boot log and the tests. */
export type OpenOutcome =
  | { kind: 'loaded' }
  | { kind: 'new' }
  | { kind: 'migrated'; from: number; copy: string }
  | { kind: 'recovered'; aside: string | null; reason: string }
  | { kind: 'reset'; aside: string | null; reason: string };

export interface Store {
  readonly outcome: OpenOutcome;
  getGuild(guildId: string): GuildSettings | undefined;
  /** Validates and saves; throws (a ZodError) on settings that break the schema. */
  setGuild(guildId: string, settings: GuildSettings): Promise<void>;
  /** Applies `change` to the guild's settings, if it has any; returns the new settings. */
  updateGuild(
    guildId: string,
    change: (current: GuildSettings) => GuildSettings,
  ): Promise<GuildSettings | undefined>;
  /** Forgets the guild's settings (`/schedule off`); its post log stays, so nothing repeats. */
  deleteGuild(guildId: string): Promise<boolean>;
  guildIds(): string[];
  hasPost(guildId: string, key: string): boolean;
  /** The keys already settled for a guild: what computeDue takes as the post log. */
  postedKeys(guildId: string): ReadonlySet<string>;
  /** Records (or replaces) the entry for guildId + key. */
  recordPost(entry: PostLogEntry): Promise<void>;
  /** A guild's entries, newest first. */
  postsFor(guildId: string): PostLogEntry[];
  /** Resolves once everything changed so far is on disk. */
  flush(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Only names the files kept aside; injected so tests can predict them. */
  now?: () => Date;
}

const EMPTY_KEYS: ReadonlySet<string> = new Set();

/** Parses, migrates and validates the text of a store file; throws a StoreDecodeError. */
export function decodeStoreText(text: string): { file: StoreFile; from: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreDecodeError('not-json', `not JSON: ${(error as Error).message}`);
  }
  const { file, from } = migrateToCurrent(raw);
  const result = storeFileSchema.safeParse(file);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new StoreDecodeError('invalid', `does not match the schema: ${issues.join('; ')}`);
  }
  return { file: result.data, from };
}

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
 * Opens the settings and post-log file at `path` (lowdb, written atomically by steno's
 * temp-and-rename). A file that cannot be read is moved aside, never overwritten; the last good
 * write, kept as `<path>.bak`, is recovered; and the store serves on whatever happens.
 */
export async function openStore(
  path: string,
  log: StoreLog,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const backupPath = `${path}.bak`;
  // A fresh install has no data folder yet (.data/ is git-ignored).
  await mkdir(dirname(path), { recursive: true });
  let migratedFrom = 0;
  const parse = (text: string): StoreFile => {
    const { file, from } = decodeStoreText(text);
    migratedFrom = from;
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
  try {
    const file = await db.adapter.read();
    if (file === null) {
      const recovered = await fromBackup();
      if ('file' in recovered) {
        db.data = recovered.file;
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
      db.data = file;
      outcome = { kind: 'migrated', from: migratedFrom, copy };
      log.warn({ path, from: migratedFrom, to: file.version, copy }, 'store: migrated the file');
      needsWrite = true;
    } else {
      db.data = file;
      outcome = { kind: 'loaded' };
    }
  } catch (error) {
    const reason = describe(error);
    const aside = await moveAside(path, 'corrupt');
    if (aside === null) writable = false;
    log.error(
      { path, aside, err: reason },
      'store: THE SETTINGS FILE IS UNREADABLE; kept it aside',
    );
    const recovered = await fromBackup();
    if ('file' in recovered) {
      db.data = recovered.file;
      outcome = { kind: 'recovered', aside, reason };
      log.error({ path, backupPath }, 'store: serving the last good copy from the backup');
    } else {
      outcome = { kind: 'reset', aside, reason };
      log.error(
        { path, problem: recovered.problem },
        'store: NO GOOD COPY; starting with no settings',
      );
    }
    needsWrite = writable;
  }

  const guilds = new Map<string, GuildSettings>(Object.entries(db.data.guilds));
  const posts = new Map<string, Map<string, PostLogEntry>>();
  const keys = new Map<string, Set<string>>();
  const index = (entry: PostLogEntry): void => {
    let byKey = posts.get(entry.guildId);
    if (!byKey) posts.set(entry.guildId, (byKey = new Map<string, PostLogEntry>()));
    byKey.set(entry.key, entry);
    let set = keys.get(entry.guildId);
    if (!set) keys.set(entry.guildId, (set = new Set<string>()));
    set.add(entry.key);
  };
  for (const entry of db.data.posts) index(entry);

  const snapshot = (): StoreFile => ({
    version: db.data.version,
    guilds: Object.fromEntries(guilds),
    posts: [...posts.values()].flatMap((byKey) => [...byKey.values()]),
  });

  // One write at a time; changes made while a write runs share the next one.
  let tail: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  const writeNow = async (): Promise<void> => {
    queued = null;
    db.data = snapshot();
    await db.write();
    // The backup is the last copy known good: written only after the main file made it.
    await backup.write(db.data);
  };
  const persist = (): Promise<void> => {
    if (!writable) {
      log.error({ path }, 'store: not writing over a file that could not be moved aside');
      return Promise.resolve();
    }
    if (queued) return queued;
    const next = tail.then(writeNow).catch((error: unknown) => {
      log.error(
        { path, err: describe(error) },
        'store: write failed; the change is kept in memory',
      );
      throw error;
    });
    queued = next;
    tail = next.catch(() => undefined);
    return next;
  };

  if (needsWrite) await persist();

  return {
    outcome,
    getGuild: (guildId) => guilds.get(guildId),
    async setGuild(guildId, settings) {
      guilds.set(guildId, guildSettingsSchema.parse(settings));
      await persist();
    },
    async updateGuild(guildId, change) {
      const current = guilds.get(guildId);
      if (!current) return undefined;
      const next = guildSettingsSchema.parse(change(current));
      guilds.set(guildId, next);
      await persist();
      return next;
    },
    async deleteGuild(guildId) {
      const had = guilds.delete(guildId);
      if (had) await persist();
      return had;
    },
    guildIds: () => [...guilds.keys()],
    hasPost: (guildId, key) => keys.get(guildId)?.has(key) ?? false,
    postedKeys: (guildId) => keys.get(guildId) ?? EMPTY_KEYS,
    async recordPost(entry) {
      const valid = postLogEntrySchema.parse(entry);
      index(valid);
      prune(valid);
      await persist();
    },
    postsFor: (guildId) =>
      [...(posts.get(guildId)?.values() ?? [])].sort((a, b) => b.at.localeCompare(a.at)),
    flush: () => tail,
  };

  function prune(latest: PostLogEntry): void {
    const byKey = posts.get(latest.guildId);
    if (!byKey) return;
    const cutoff = Date.parse(latest.at) - POST_LOG_RETENTION_MS;
    for (const [key, entry] of byKey) {
      if (entry.kind === latest.kind && entry !== latest && Date.parse(entry.at) < cutoff) {
        byKey.delete(key);
        keys.get(latest.guildId)?.delete(key);
      }
    }
  }
}
