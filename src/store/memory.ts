import { ChangeLog } from './change-log.js';
import { createCommunityCore, emptyCommunityState, type CommunityState } from './community-core.js';
import { guildSettingsSchema, type GuildSettings } from './domain.js';
import {
  blocksWork,
  completed,
  decideClaim,
  givenUp,
  holdsClaim,
  prunable,
  released,
} from './ledger-rules.js';
import type {
  LedgerEntry,
  LedgerPort,
  NoticePort,
  SettingsPort,
  StoreNotice,
  StorePorts,
  Versioned,
} from './ports.js';
import { createMemorySuggestions, type SuggestionMap } from './suggestions-memory.js';

/** What a store held in a process keeps: the JSON backend loads it from its file. */
export interface StoreState {
  guilds: Map<string, Versioned<GuildSettings>>;
  /** By guild, then by key. */
  ledger: Map<string, Map<string, LedgerEntry>>;
  notices: Map<string, StoreNotice>;
  /** Fact reports, follows and polls (community-core.ts). */
  community: CommunityState;
  /** Members' prompt suggestions, by guild, then by id. */
  suggestions: SuggestionMap;
}

export function emptyStoreState(): StoreState {
  return {
    guilds: new Map(),
    ledger: new Map(),
    notices: new Map(),
    community: emptyCommunityState(),
    suggestions: new Map(),
  };
}

export interface StoreCoreOptions {
  /** The backend's clock, which leases are measured in. */
  now?: () => Date;
  /**
   * Makes the change just applied durable; when it rejects, the change is taken back out of
   * memory and the caller gets the error (a failed write never leaves memory ahead of the disk).
   */
  persist?: () => Promise<void>;
  /**
   * Makes the change just applied durable with a write soon, shared with any other change made
   * meanwhile, without waiting for it: for what a crash may lose because the ledger's rules
   * recover it (a completion or a give-up: the claim lapses and is retaken in the nonce window,
   * where the runner settles it again or Discord's nonce returns the one message, or it is
   * skipped as outcome unknown after it). Claims are never written soon. Absent,
   * such changes are persisted like any other.
   */
  persistSoon?: () => void;
  backend?: StorePorts['backend'];
}

/**
 * A copy of plain JSON data (settings are): what structuredClone gives, several times cheaper,
 * which matters when the runner reads every server's settings every tick.
 */
function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyPlain(item);
  return copy as T;
}

/** Undoes one change, unless a later change has since replaced what it wrote. */
type Undo = () => void;

/**
 * The store over maps in this process. One process runs its reads and decisions without
 * awaiting, so a check and its write are atomic here: of racing claimants exactly one wins, and
 * a versioned write sees the version it checked. Values go in and out as copies.
 */
export function createStoreCore(
  state: StoreState,
  options: StoreCoreOptions = {},
): StorePorts & { state: StoreState } {
  const now = options.now ?? (() => new Date());
  const persist = options.persist ?? (() => Promise.resolve());

  async function commit(undo: Undo): Promise<void> {
    try {
      await persist();
    } catch (error) {
      undo();
      throw error;
    }
  }

  const entriesOf = (guildId: string): Map<string, LedgerEntry> => {
    let byKey = state.ledger.get(guildId);
    if (!byKey) state.ledger.set(guildId, (byKey = new Map<string, LedgerEntry>()));
    return byKey;
  };

  /** Writes an entry; the undo restores what was there, if nothing replaced the entry since. */
  const setEntry = (entry: LedgerEntry): Undo => {
    const byKey = entriesOf(entry.guildId);
    const before = byKey.get(entry.key);
    byKey.set(entry.key, entry);
    return () => {
      if (byKey.get(entry.key) !== entry) return;
      if (before) byKey.set(entry.key, before);
      else byKey.delete(entry.key);
    };
  };

  async function settleIfHeld(
    guildId: string,
    key: string,
    owner: string,
    change: (entry: LedgerEntry) => LedgerEntry,
    soon = false,
  ): Promise<boolean> {
    const entry = state.ledger.get(guildId)?.get(key);
    if (!holdsClaim(entry, owner)) return false;
    const undo = setEntry(change(entry));
    if (soon && options.persistSoon) options.persistSoon();
    else await commit(undo);
    return true;
  }

  // Every write of a guild's settings (and every undo of one) is noted for the change feed.
  const changeLog = new ChangeLog();

  const settings: SettingsPort = {
    get(guildId) {
      const found = state.guilds.get(guildId);
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    getMany(guildIds) {
      const found = new Map<string, Versioned<GuildSettings>>();
      for (const id of guildIds) {
        const stored = state.guilds.get(id);
        if (stored) found.set(id, { value: copyPlain(stored.value), version: stored.version });
      }
      return Promise.resolve(found);
    },
    async put(guildId, value, expectedVersion) {
      const valid = guildSettingsSchema.parse(value);
      const current = state.guilds.get(guildId) ?? null;
      if ((current?.version ?? null) !== expectedVersion) {
        return { kind: 'conflict', current: current ? structuredClone(current) : null };
      }
      const next = { value: structuredClone(valid), version: (current?.version ?? 0) + 1 };
      state.guilds.set(guildId, next);
      changeLog.note(guildId);
      await commit(() => {
        if (state.guilds.get(guildId) !== next) return;
        if (current) state.guilds.set(guildId, current);
        else state.guilds.delete(guildId);
        changeLog.note(guildId);
      });
      return { kind: 'written', version: next.version };
    },
    async delete(guildId) {
      const current = state.guilds.get(guildId);
      if (!current) return false;
      state.guilds.delete(guildId);
      changeLog.note(guildId);
      await commit(() => {
        if (state.guilds.has(guildId)) return;
        state.guilds.set(guildId, current);
        changeLog.note(guildId);
      });
      return true;
    },
    changes(cursor) {
      return Promise.resolve(changeLog.since(cursor));
    },
  };

  const ledger: LedgerPort = {
    settledKeys(guildIds) {
      const nowMs = now().getTime();
      const found = new Map<string, ReadonlySet<string>>();
      for (const id of guildIds) {
        const keys = new Set<string>();
        for (const entry of state.ledger.get(id)?.values() ?? []) {
          if (blocksWork(entry, nowMs)) keys.add(entry.key);
        }
        found.set(id, keys);
      }
      return Promise.resolve(found);
    },
    openClaims(guildIds) {
      const found = new Set<string>();
      for (const id of guildIds) {
        for (const entry of state.ledger.get(id)?.values() ?? []) {
          if (entry.state === 'claimed') {
            found.add(id);
            break;
          }
        }
      }
      return Promise.resolve(found);
    },
    async claim(request) {
      const existing = state.ledger.get(request.guildId)?.get(request.key);
      const { write, result } = decideClaim(existing, request, now());
      if (write) await commit(setEntry(write));
      return structuredClone(result);
    },
    // Made durable soon rather than at once: a crash before loses nothing the rules do not
    // recover (the lapsed claim is retried with the same nonce, or skipped past the window).
    complete: (guildId, key, owner, messageId, pendingThread) =>
      settleIfHeld(
        guildId,
        key,
        owner,
        (entry) => completed(entry, messageId, pendingThread, now()),
        true,
      ),
    // Soon too: giveUp follows a post that was not sent (missed, skipped by an admin, failed for
    // good). Lost in a crash, the claim lapses and the same rules settle it again (retaken in
    // the nonce window and skipped or failed once more, or skipped as outcome unknown after).
    giveUp: (guildId, key, owner, settled, reason) =>
      settleIfHeld(guildId, key, owner, (entry) => givenUp(entry, settled, reason, now()), true),
    release: (guildId, key, owner, reason) =>
      settleIfHeld(guildId, key, owner, (entry) => released(entry, reason, now())),
    async threadOpened(guildId, key) {
      const entry = state.ledger.get(guildId)?.get(key);
      if (!entry || entry.pendingThread === null) return;
      const undo = setEntry({ ...entry, pendingThread: null });
      // Lost in a crash, the thread is tried again at the next start; Discord refuses a second.
      if (options.persistSoon) options.persistSoon();
      else await commit(undo);
    },
    pendingThreads(guildIds) {
      const found: LedgerEntry[] = [];
      for (const id of guildIds) {
        for (const entry of state.ledger.get(id)?.values() ?? []) {
          if (entry.state === 'posted' && entry.pendingThread !== null) found.push(entry);
        }
      }
      found.sort((a, b) => a.at.getTime() - b.at.getTime());
      return Promise.resolve(structuredClone(found));
    },
    recent(guildId, limit) {
      const entries = [...(state.ledger.get(guildId)?.values() ?? [])]
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .slice(0, Math.max(0, limit));
      return Promise.resolve(structuredClone(entries));
    },
    async prune(before) {
      const undos: Undo[] = [];
      let count = 0;
      for (const [guildId, byKey] of state.ledger) {
        for (const entry of prunable(byKey.values(), before)) {
          byKey.delete(entry.key);
          count += 1;
          undos.push(() => {
            if (!state.ledger.has(guildId)) state.ledger.set(guildId, byKey);
            if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
          });
        }
        if (byKey.size === 0) state.ledger.delete(guildId);
      }
      if (count > 0) {
        await commit(() => {
          for (const undo of undos) undo();
        });
      }
      return count;
    },
  };

  const notices: NoticePort = {
    async take(guildId) {
      const notice = state.notices.get(guildId);
      if (!notice) return null;
      state.notices.delete(guildId);
      await commit(() => {
        if (!state.notices.has(guildId)) state.notices.set(guildId, notice);
      });
      return structuredClone(notice);
    },
  };

  const community = createCommunityCore(state.community, now, commit);
  const suggestions = createMemorySuggestions(state.suggestions, now, commit);

  return {
    state,
    settings,
    ledger,
    notices,
    ...community,
    suggestions,
    backend: options.backend ?? 'memory',
    healthy: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}

/** A store in memory only: for unit tests, and a preview that needs nothing kept. */
export function openMemoryStore(options: Omit<StoreCoreOptions, 'backend'> = {}): StorePorts {
  return createStoreCore(emptyStoreState(), { ...options, backend: 'memory' });
}
