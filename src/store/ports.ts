import type { GuildSettings, PostKind } from './domain.js';

/**
 * The store as the rest of the bot sees it: two narrow, async ports (settings and the post
 * ledger) that every backend implements: the JSON file (one process), PostgreSQL (many), and an
 * in-memory one for unit tests. One contract suite (tests/store/) runs against each of them.
 *
 * Nothing here names a file, a table or a driver; times that decide ownership (leases) are the
 * backend's own clock (the database's `now()` for PostgreSQL), never a worker's.
 */

/** A guild's settings with the version a conditional write must name. */
export interface Versioned<T> {
  value: T;
  /** Starts at 1 on the first write and goes up by one on each. */
  version: number;
}

export type PutResult =
  | { kind: 'written'; version: number }
  /** Someone wrote first: `current` is what is stored now (null: deleted, or never set). */
  | { kind: 'conflict'; current: Versioned<GuildSettings> | null };

export interface SettingsPort {
  get(guildId: string): Promise<Versioned<GuildSettings> | null>;
  /** The settings of those guilds that have any, in one round trip. */
  getMany(guildIds: readonly string[]): Promise<Map<string, Versioned<GuildSettings>>>;
  /**
   * Writes only if the stored version is still `expectedVersion` (null: only if none is stored),
   * so two writers cannot overwrite each other: a pause racing the runner's own write keeps the
   * pause. Validates with zod; throws on settings that break the schema.
   */
  put(guildId: string, settings: GuildSettings, expectedVersion: number | null): Promise<PutResult>;
  /** Forgets the guild's settings (`/schedule off`); its ledger stays, so nothing repeats. */
  delete(guildId: string): Promise<boolean>;
}

/** How a ledger entry stands. `claimed` is in flight: its outcome is unknown until it settles. */
export type LedgerState = 'claimed' | 'posted' | 'skipped' | 'failed';

export interface LedgerEntry {
  guildId: string;
  /** Unique per guild: `anniversary:2026-02-16`, `digest:2026-W07`, `prompt:2026-02-16`. */
  key: string;
  kind: PostKind;
  /** The server's local date the post belongs to. */
  localDate: string;
  state: LedgerState;
  /** Who holds (or last held) the claim: a process's own id. */
  owner: string | null;
  /** Discord's nonce for this post, the same on every attempt. */
  nonce: string;
  /** Attempts so far, kept here (not in a process's memory) so a restart does not reset them. */
  attempts: number;
  firstClaimedAt: Date | null;
  leaseUntil: Date | null;
  messageId: string | null;
  /** Why it was skipped or failed. */
  reason: string | null;
  /** When it last changed. */
  at: Date;
}

export interface ClaimRequest {
  guildId: string;
  key: string;
  kind: PostKind;
  localDate: string;
  nonce: string;
  owner: string;
  leaseMs: number;
}

export type ClaimResult =
  /** Ours to send. `attempts` counts this one; `retake` when an earlier claim lapsed unsettled. */
  | { kind: 'claimed'; entry: LedgerEntry; retake: boolean }
  /** Someone else holds a live lease on it. */
  | { kind: 'held'; entry: LedgerEntry }
  /** Already posted, skipped or failed: nothing to do. */
  | { kind: 'settled'; entry: LedgerEntry };

export interface LedgerPort {
  /**
   * The keys that must not be worked on again, by guild: settled ones, and claims that are still
   * leased. What `computeDue` takes as the post log, loaded for a whole tick in one batch.
   */
  settledKeys(guildIds: readonly string[]): Promise<Map<string, ReadonlySet<string>>>;
  /** Claims a post before it is sent: exactly one of any number of racing claimants wins. */
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /** Records the post as sent; false (and nothing changes) when the claim is no longer ours. */
  complete(guildId: string, key: string, owner: string, messageId: string): Promise<boolean>;
  /** Settles it as skipped or failed, with why; false when the claim is no longer ours. */
  giveUp(
    guildId: string,
    key: string,
    owner: string,
    state: 'skipped' | 'failed',
    reason: string,
  ): Promise<boolean>;
  /** Lets go of a claim after a passing error, keeping its attempts, so a later tick retries. */
  release(guildId: string, key: string, owner: string, reason: string): Promise<boolean>;
  /** A guild's entries, newest first (for `/schedule status`). */
  recent(guildId: string, limit: number): Promise<LedgerEntry[]>;
  /** Deletes settled entries last changed before `before`; returns how many. A periodic job. */
  prune(before: Date): Promise<number>;
}

/** A whole store: what `openStoreFromConfig` returns. */
export interface StorePorts {
  readonly settings: SettingsPort;
  readonly ledger: LedgerPort;
  /** Which backend this is, for logs and `/readyz`. */
  readonly backend: 'json' | 'postgres' | 'memory';
  /** True when the backend answers now (a cheap round trip); never throws. */
  healthy(): Promise<boolean>;
  /** Resolves once everything written so far is durable, then frees connections or files. */
  close(): Promise<void>;
}
