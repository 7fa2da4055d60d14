import type { AddFollowResult, DeliveryState, Follow, FollowsPort } from './follows.js';
import type { PollRecord, PollsPort } from './polls.js';
import { reportLimitReached, type FactReport, type ReportsPort } from './reports.js';

/** A claimed or settled DM, by `${userId}|${key}`. */
export interface DeliveryEntry {
  userId: string;
  key: string;
  state: 'claimed' | DeliveryState;
  owner: string | null;
  leaseUntil: Date | null;
  at: Date;
}

/** What the community ports keep in a process (the JSON file loads and saves it). */
export interface CommunityState {
  reports: Map<string, FactReport>;
  /** By `${userId}|${agreementId}`. */
  follows: Map<string, Follow>;
  /** Members to tell, once, that their DMs were closed. */
  followNotices: Set<string>;
  deliveries: Map<string, DeliveryEntry>;
  /** By message id. */
  polls: Map<string, PollRecord>;
}

export function emptyCommunityState(): CommunityState {
  return {
    reports: new Map(),
    follows: new Map(),
    followNotices: new Set(),
    deliveries: new Map(),
    polls: new Map(),
  };
}

type Undo = () => void;

export interface CommunityPorts {
  reports: ReportsPort;
  follows: FollowsPort;
  polls: PollsPort;
}

/** Sets a map entry; the undo puts back what was there unless something replaced it since. */
function setWithUndo<K, V>(map: Map<K, V>, key: K, value: V): Undo {
  const had = map.has(key);
  const before = map.get(key);
  map.set(key, value);
  return () => {
    if (map.get(key) !== value) return;
    if (had) map.set(key, before as V);
    else map.delete(key);
  };
}

const followKey = (userId: string, agreementId: string) => `${userId}|${agreementId}`;

/**
 * The community ports over maps in one process. As in memory.ts, each check and its write run
 * without an await between them, so racing callers see each other; `commit` makes a change
 * durable (the JSON file) or undoes it when that fails.
 */
export function createCommunityCore(
  state: CommunityState,
  now: () => Date,
  commit: (undo: Undo) => Promise<void>,
): CommunityPorts {
  const copy = <T>(value: T): T => structuredClone(value);

  const reports: ReportsPort = {
    async create(report, limits) {
      const at = report.createdAt.getTime();
      const inWindow = (windowMs: number, keep: (r: FactReport) => boolean) =>
        [...state.reports.values()]
          .filter((r) => keep(r) && r.createdAt.getTime() > at - windowMs)
          .map((r) => r.createdAt.getTime())
          .sort((a, b) => a - b);
      const mine = inWindow(limits.perMember.windowMs, (r) => r.reporterId === report.reporterId);
      const memberLimited = reportLimitReached(mine, limits.perMember, 'member');
      if (memberLimited) return memberLimited;
      if (report.guildId !== null) {
        const guild = inWindow(limits.perGuild.windowMs, (r) => r.guildId === report.guildId);
        const guildLimited = reportLimitReached(guild, limits.perGuild, 'guild');
        if (guildLimited) return guildLimited;
      }
      if (state.reports.has(report.id)) throw new Error(`report id ${report.id} is taken`);
      const stored: FactReport = {
        ...copy(report),
        state: 'open',
        delivered: false,
        closedAt: null,
        closeNote: null,
      };
      await commit(setWithUndo(state.reports, report.id, stored));
      return { kind: 'created', report: copy(stored) };
    },
    async markDelivered(id) {
      const found = state.reports.get(id);
      if (!found || found.delivered) return;
      await commit(setWithUndo(state.reports, id, { ...found, delivered: true }));
    },
    get(id) {
      const found = state.reports.get(id);
      return Promise.resolve(found ? copy(found) : null);
    },
    listOpen(limit) {
      const open = [...state.reports.values()]
        .filter((r) => r.state === 'open')
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
        .slice(0, Math.max(0, limit));
      return Promise.resolve(copy(open));
    },
    openCount(guildId) {
      let count = 0;
      for (const r of state.reports.values())
        if (r.state === 'open' && r.guildId === guildId) count += 1;
      return Promise.resolve(count);
    },
    async close(id, note, at) {
      const found = state.reports.get(id);
      if (!found) return { kind: 'not-found' };
      if (found.state === 'closed') return { kind: 'already-closed', report: copy(found) };
      const closed: FactReport = { ...found, state: 'closed', closedAt: at, closeNote: note };
      await commit(setWithUndo(state.reports, id, closed));
      return { kind: 'closed', report: copy(closed) };
    },
  };

  const followsOf = (userId: string): Follow[] =>
    [...state.follows.values()]
      .filter((f) => f.userId === userId)
      .sort(
        (a, b) =>
          a.createdAt.getTime() - b.createdAt.getTime() ||
          a.agreementId.localeCompare(b.agreementId),
      );

  const follows: FollowsPort = {
    async add(userId, agreementId, language, at, max): Promise<AddFollowResult> {
      const mine = followsOf(userId);
      const existing = state.follows.get(followKey(userId, agreementId));
      const paused = mine.filter((f) => f.pausedAt !== null);
      if (existing && paused.length === 0 && existing.language === language) {
        return { kind: 'already', follow: copy(existing) };
      }
      if (!existing && mine.length >= max) return { kind: 'too-many', max };
      const undos: Undo[] = [];
      // Following again is the member saying "my DMs are open now": resume them all.
      for (const f of paused)
        undos.push(
          setWithUndo(state.follows, followKey(userId, f.agreementId), { ...f, pausedAt: null }),
        );
      const follow: Follow = existing
        ? { ...existing, language, pausedAt: null }
        : { userId, agreementId, language, createdAt: at, pausedAt: null };
      undos.push(setWithUndo(state.follows, followKey(userId, agreementId), follow));
      const hadNotice = state.followNotices.delete(userId);
      await commit(() => {
        for (const undo of undos.reverse()) undo();
        if (hadNotice) state.followNotices.add(userId);
      });
      if (paused.length > 0)
        return { kind: 'resumed', follow: copy(follow), resumed: paused.length };
      // Followed already: only the DM's language changed.
      if (existing) return { kind: 'already', follow: copy(follow) };
      return { kind: 'added', follow: copy(follow) };
    },
    async remove(userId, agreementId) {
      const key = followKey(userId, agreementId);
      const existing = state.follows.get(key);
      if (!existing) return false;
      state.follows.delete(key);
      await commit(() => {
        if (!state.follows.has(key)) state.follows.set(key, existing);
      });
      return true;
    },
    list: (userId) => Promise.resolve(copy(followsOf(userId))),
    active() {
      const found = [...state.follows.values()]
        .filter((f) => f.pausedAt === null)
        .sort(
          (a, b) => a.userId.localeCompare(b.userId) || a.agreementId.localeCompare(b.agreementId),
        );
      return Promise.resolve(copy(found));
    },
    async pauseAll(userId, at) {
      const undos: Undo[] = [];
      for (const f of followsOf(userId)) {
        if (f.pausedAt === null)
          undos.push(
            setWithUndo(state.follows, followKey(userId, f.agreementId), { ...f, pausedAt: at }),
          );
      }
      const hadNotice = state.followNotices.has(userId);
      state.followNotices.add(userId);
      await commit(() => {
        for (const undo of undos.reverse()) undo();
        if (!hadNotice) state.followNotices.delete(userId);
      });
    },
    async takeNotice(userId) {
      if (!state.followNotices.delete(userId)) return false;
      await commit(() => state.followNotices.add(userId));
      return true;
    },
    async claimDelivery({ userId, key, owner, leaseMs }) {
      const id = `${userId}|${key}`;
      const at = now();
      const existing = state.deliveries.get(id);
      if (existing) {
        if (existing.state !== 'claimed') return false;
        if (existing.leaseUntil !== null && existing.leaseUntil.getTime() > at.getTime())
          return false;
      }
      const entry: DeliveryEntry = {
        userId,
        key,
        state: 'claimed',
        owner,
        leaseUntil: new Date(at.getTime() + leaseMs),
        at,
      };
      await commit(setWithUndo(state.deliveries, id, entry));
      return true;
    },
    async settleDelivery(userId, key, owner, settled) {
      const id = `${userId}|${key}`;
      const existing = state.deliveries.get(id);
      if (!existing || existing.state !== 'claimed' || existing.owner !== owner) return false;
      await commit(
        setWithUndo(state.deliveries, id, {
          ...existing,
          state: settled,
          leaseUntil: null,
          at: now(),
        }),
      );
      return true;
    },
    settledKeys(userId, keys) {
      const found = new Set<string>();
      for (const key of keys) {
        const entry = state.deliveries.get(`${userId}|${key}`);
        if (entry && entry.state !== 'claimed') found.add(key);
      }
      return Promise.resolve(found);
    },
  };

  const isDue = (poll: PollRecord, at: Date) =>
    poll.closesAt.getTime() <= at.getTime() &&
    (poll.state === 'open' ||
      (poll.state === 'claimed' &&
        (poll.leaseUntil === null || poll.leaseUntil.getTime() <= now().getTime())));

  const polls: PollsPort = {
    async record(poll) {
      if (state.polls.has(poll.messageId)) return;
      const stored: PollRecord = {
        ...copy(poll),
        state: 'open',
        owner: null,
        leaseUntil: null,
        attempts: 0,
        resultMessageId: null,
        reason: null,
      };
      await commit(setWithUndo(state.polls, poll.messageId, stored));
    },
    due(at, limit) {
      const found = [...state.polls.values()]
        .filter((p) => isDue(p, at))
        .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
        .slice(0, Math.max(0, limit));
      return Promise.resolve(copy(found));
    },
    async claim(messageId, owner, leaseMs) {
      const poll = state.polls.get(messageId);
      const at = now();
      const free =
        poll &&
        (poll.state === 'open' ||
          (poll.state === 'claimed' &&
            (poll.leaseUntil === null || poll.leaseUntil.getTime() <= at.getTime())));
      if (!poll || !free) return null;
      const claimed: PollRecord = {
        ...poll,
        state: 'claimed',
        owner,
        leaseUntil: new Date(at.getTime() + leaseMs),
        attempts: poll.attempts + 1,
      };
      await commit(setWithUndo(state.polls, messageId, claimed));
      return copy(claimed);
    },
    async settle(messageId, owner, outcome) {
      const poll = state.polls.get(messageId);
      if (!poll || poll.state !== 'claimed' || poll.owner !== owner) return false;
      const settled: PollRecord =
        outcome.state === 'posted'
          ? { ...poll, state: 'posted', leaseUntil: null, resultMessageId: outcome.resultMessageId }
          : { ...poll, state: 'gone', leaseUntil: null, reason: outcome.reason.slice(0, 500) };
      await commit(setWithUndo(state.polls, messageId, settled));
      return true;
    },
    async release(messageId, owner, reason) {
      const poll = state.polls.get(messageId);
      if (!poll || poll.state !== 'claimed' || poll.owner !== owner) return false;
      await commit(
        setWithUndo(state.polls, messageId, {
          ...poll,
          state: 'open',
          owner: null,
          leaseUntil: null,
          reason: reason.slice(0, 500),
        }),
      );
      return true;
    },
    get(messageId) {
      const found = state.polls.get(messageId);
      return Promise.resolve(found ? copy(found) : null);
    },
  };

  return { reports, follows, polls };
}
