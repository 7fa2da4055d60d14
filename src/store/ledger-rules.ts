import type { PendingThread } from './domain.js';
import type { ClaimRequest, ClaimResult, LedgerEntry } from './ports.js';

/**
 * The ledger's rules as pure functions of an entry and the backend's time, shared by the
 * backends that keep entries in a process (memory, the JSON file). PostgreSQL states the same
 * rules in SQL; the contract suite holds all of them to one behaviour.
 */

/** A claim someone holds now: its lease has not run out. */
export function isLiveClaim(entry: LedgerEntry, nowMs: number): boolean {
  return (
    entry.state === 'claimed' &&
    entry.owner !== null &&
    entry.leaseUntil !== null &&
    entry.leaseUntil.getTime() > nowMs
  );
}

/** True when no worker may start on the entry's post: settled, or claimed under a live lease. */
export function blocksWork(entry: LedgerEntry, nowMs: number): boolean {
  return entry.state !== 'claimed' || isLiveClaim(entry, nowMs);
}

/** What a claim does to the entry stored under its key: the entry to write (null: none). */
export function decideClaim(
  existing: LedgerEntry | undefined,
  request: ClaimRequest,
  now: Date,
): { write: LedgerEntry | null; result: ClaimResult } {
  const nowMs = now.getTime();
  const lease = new Date(nowMs + request.leaseMs);
  if (!existing) {
    const entry: LedgerEntry = {
      guildId: request.guildId,
      key: request.key,
      kind: request.kind,
      localDate: request.localDate,
      state: 'claimed',
      owner: request.owner,
      nonce: request.nonce,
      attempts: 1,
      firstClaimedAt: now,
      leaseUntil: lease,
      messageId: null,
      reason: null,
      pendingThread: null,
      at: now,
    };
    return { write: entry, result: { kind: 'claimed', entry, retake: false } };
  }
  if (existing.state !== 'claimed')
    return { write: null, result: { kind: 'settled', entry: existing } };
  if (isLiveClaim(existing, nowMs))
    return { write: null, result: { kind: 'held', entry: existing } };

  // Released by its worker after a known failure: a retry, whenever it comes.
  const released = existing.owner === null;
  const firstMs = (existing.firstClaimedAt ?? now).getTime();
  if (!released && nowMs - firstMs >= request.retakeWindowMs) {
    // Its worker died with the outcome unknown, and Discord's nonce no longer deduplicates:
    // sending now could make a second message, or a late one. Settle it instead.
    const entry: LedgerEntry = {
      ...existing,
      state: 'skipped',
      leaseUntil: null,
      reason:
        'outcome unknown: the claim lapsed unsettled after the window in which a retry is safe',
      at: now,
    };
    return { write: entry, result: { kind: 'settled', entry } };
  }
  const entry: LedgerEntry = {
    ...existing,
    owner: request.owner,
    attempts: existing.attempts + 1,
    firstClaimedAt: existing.firstClaimedAt ?? now,
    leaseUntil: lease,
    reason: null,
    at: now,
  };
  return { write: entry, result: { kind: 'claimed', entry, retake: !released } };
}

/** True when `owner` still holds the entry's claim (live or lapsed, but not taken over). */
export function holdsClaim(entry: LedgerEntry | undefined, owner: string): entry is LedgerEntry {
  return entry !== undefined && entry.state === 'claimed' && entry.owner === owner;
}

export function completed(
  entry: LedgerEntry,
  messageId: string,
  pendingThread: PendingThread | null,
  now: Date,
): LedgerEntry {
  return {
    ...entry,
    state: 'posted',
    messageId,
    leaseUntil: null,
    reason: null,
    pendingThread,
    at: now,
  };
}

export function givenUp(
  entry: LedgerEntry,
  state: 'skipped' | 'failed',
  reason: string,
  now: Date,
): LedgerEntry {
  return { ...entry, state, leaseUntil: null, reason: reason.slice(0, 500), at: now };
}

export function released(entry: LedgerEntry, reason: string, now: Date): LedgerEntry {
  return { ...entry, owner: null, leaseUntil: null, reason: reason.slice(0, 500), at: now };
}

/**
 * The entries of one guild that `prune(before)` deletes: settled, last changed before `before`,
 * and not the guild's newest of their kind.
 */
export function prunable(entries: Iterable<LedgerEntry>, before: Date): LedgerEntry[] {
  const list = [...entries];
  const newest = new Map<string, LedgerEntry>();
  for (const entry of list) {
    const current = newest.get(entry.kind);
    if (!current || entry.at.getTime() > current.at.getTime()) newest.set(entry.kind, entry);
  }
  const newestSet = new Set(newest.values());
  return list.filter(
    (entry) =>
      entry.state !== 'claimed' && entry.at.getTime() < before.getTime() && !newestSet.has(entry),
  );
}
