import type { GuildSettings, PendingThread, PostKind } from './domain.js';
import type { FollowsPort } from './follows.js';
import type { PollsPort } from './polls.js';
import type { ReportsPort } from './reports.js';
import type { SuggestionsPort } from './suggestions.js';

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
  /**
   * Optional change feed, so a steady tick need not read every guild's settings: the guilds
   * whose settings changed since `cursor` (a cursor an earlier call returned; null: none yet).
   * A guild may be named though nothing changed, never left out; `changed` is null when the
   * port cannot say (the first call, or it lost track): the caller then reads all it needs.
   * Covers the guilds getMany has been asked for since the cursor was given, at least.
   */
  changes?(cursor: number | null): Promise<SettingsChanges>;
}

export interface SettingsChanges {
  /** Pass it to the next call. */
  cursor: number;
  changed: readonly string[] | null;
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
  /** Why it was skipped or failed (or, on a released claim, why it was let go). */
  reason: string | null;
  /**
   * A posted message whose thread is still to open: set by `complete`, cleared by
   * `threadOpened`. A process that dies between the two leaves it for the next start.
   */
  pendingThread: PendingThread | null;
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
  /**
   * A claim whose lease lapsed unsettled (its worker died, perhaps after Discord accepted the
   * post) is taken again only while `now - firstClaimedAt` is below this: the span in which
   * Discord's nonce still returns the first message instead of making a second. Past it the
   * backend settles the entry as `skipped` ("outcome unknown") and answers `settled`. A claim
   * its worker released (a known failure) is retaken at any time. Passed in, not fixed, so the
   * contract suite can test it with real waits of a fraction of a second.
   */
  retakeWindowMs: number;
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
  /**
   * Of these guilds, those with an entry still `claimed` (leased, lapsed or released): work that
   * may come back. As recent as the last settledKeys for them at least, so a tick that asks right
   * after it learns which of the keys it got are claims rather than settled for good.
   */
  openClaims(guildIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Claims a post before it is sent: exactly one of any number of racing claimants wins. */
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /**
   * Records the post as sent; false (and nothing changes) when the claim is no longer ours (taken
   * over, or settled by someone else). Completing a claim whose lease lapsed but that nobody took
   * over succeeds: it is the truth. `pendingThread`: the thread still to open on the message.
   */
  complete(
    guildId: string,
    key: string,
    owner: string,
    messageId: string,
    pendingThread: PendingThread | null,
  ): Promise<boolean>;
  /** Clears a posted entry's pending thread (opened, or given up for good). */
  threadOpened(guildId: string, key: string): Promise<void>;
  /** Posted entries of these guilds whose thread is still to open, oldest first. */
  pendingThreads(guildIds: readonly string[]): Promise<LedgerEntry[]>;
  /** Settles it as skipped or failed, with why; false when the claim is no longer ours. */
  giveUp(
    guildId: string,
    key: string,
    owner: string,
    state: 'skipped' | 'failed',
    reason: string,
  ): Promise<boolean>;
  /**
   * Lets go of a claim after a passing error, keeping its attempts and first claim time, so a
   * later tick retries: the entry stays `claimed` with no owner and no lease.
   */
  release(guildId: string, key: string, owner: string, reason: string): Promise<boolean>;
  /** A guild's entries, newest first by `at` (for `/schedule status`), claims included. */
  recent(guildId: string, limit: number): Promise<LedgerEntry[]>;
  /**
   * Deletes settled entries last changed before `before`; returns how many. Claims stay, and so
   * does each guild's newest entry of each kind, so `/schedule status` can still name the last
   * post. A periodic job, never part of a write.
   */
  prune(before: Date): Promise<number>;
}

/** Something an admin should be told at their next `/schedule` use. */
export interface StoreNotice {
  kind: 'settings-quarantined';
  /** When it was found. */
  at: Date;
}

/** Optional: notices for admins (the JSON file keeps one for a server whose entry it set aside). */
export interface NoticePort {
  /** The guild's notice, removed as it is read: each is told once. */
  take(guildId: string): Promise<StoreNotice | null>;
}

/** A whole store: what `openStoreFromConfig` returns. */
export interface StorePorts {
  readonly settings: SettingsPort;
  readonly ledger: LedgerPort;
  readonly notices?: NoticePort;
  // Community (issue 13): fact reports, follows, and the polls whose results are still to post.
  readonly reports: ReportsPort;
  readonly follows: FollowsPort;
  readonly polls: PollsPort;
  /** Members' prompt suggestions and the admins' decisions (src/store/suggestions.ts). */
  readonly suggestions: SuggestionsPort;
  /** Which backend this is, for logs and `/readyz`. */
  readonly backend: 'json' | 'postgres' | 'memory';
  /** True when the backend answers now (a cheap round trip); never throws. */
  healthy(): Promise<boolean>;
  /** Resolves once everything written so far is durable, then frees connections or files. */
  close(): Promise<void>;
}
