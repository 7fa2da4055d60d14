import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Dataset } from '../data/load.js';
import type { PostBody, ThreadSpec } from '../render/posts.js';
import type { GuildSettings, PostKind } from '../store/domain.js';
import type {
  ClaimRequest,
  ClaimResult,
  LedgerEntry,
  StorePorts,
  Versioned,
} from '../store/ports.js';
import type { StoreLog } from '../store/store.js';
import { ifSetUp, updateSettings } from '../store/update-settings.js';
import { computeDueForGuilds, GRACE_MS, postNonce, type DuePost, type PostedKeys } from './due.js';
import { bankWithSuggestions } from '../suggest/rotation.js';
import { DueIndex } from './due-index.js';
import { markPromptSeen, type PromptBank } from './prompts.js';

/** Why a post could not be made, as the Discord layer classifies its errors. */
export type PostFailure =
  | { kind: 'blocked'; code: number; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'failed'; reason: string };

/** The runner's only way out to Discord: tests give it a fake, the bot a REST poster. */
export interface Poster {
  /** Sends a message; Discord's nonce + enforce_nonce make a repeat within minutes a no-op. */
  post(channelId: string, body: PostBody & { nonce: string }): Promise<{ messageId: string }>;
  openThread(channelId: string, messageId: string, thread: ThreadSpec): Promise<void>;
  classify(error: unknown): PostFailure;
}

/** What became of one due post, for metrics. */
export type PostOutcome = 'posted' | 'skipped' | 'failed' | 'retry' | 'blocked' | 'held';

export interface RunnerDeps {
  /** With `suggestions`, a server's approved suggestions join its prompt rotation (issue 13). */
  store: Pick<StorePorts, 'settings' | 'ledger'> & Partial<Pick<StorePorts, 'suggestions'>>;
  data: Dataset;
  prompts: PromptBank;
  poster: Poster;
  log: StoreLog;
  now: () => Date;
  /** The servers this runner posts for: all the client's servers, or one shard's. */
  guildIds: () => Iterable<string>;
  /**
   * Whether this process may still claim a server's posts (its partition's lease holds), asked
   * just before each claim: a lease lost mid-tick stops the rest. Unset: every listed server.
   */
  owns?: (guildId: string) => boolean;
  graceMs?: number;
  /** Servers posted for at once (default GUILD_CONCURRENCY). */
  concurrency?: number;
  /** Attempts a post gets before it is given up (kept in the ledger, so restarts count too). */
  maxAttempts?: number;
  /** This runner's name in the ledger; one per process by default. */
  owner?: string;
  leaseMs?: number;
  retakeWindowMs?: number;
  /** Told each post's outcome: a hook for metrics, wired by whoever runs the bot. */
  onOutcome?: (kind: PostKind, outcome: PostOutcome) => void;
  /** Told each claim's result, for the same metrics. */
  onClaim?: (result: ClaimResult['kind']) => void;
  /**
   * Told of each post once it is recorded (community, issue 13: a prompt's poll is kept so its
   * results are posted when it closes). Awaited; its failure is logged and changes nothing here.
   */
  onPosted?: (posted: PostedMessage) => Promise<void>;
}

/** A scheduled post just recorded as sent, for the onPosted hook. */
export interface PostedMessage {
  guildId: string;
  channelId: string;
  messageId: string;
  kind: PostKind;
  /** What was asked to be sent; Discord may have taken it without its poll (see send()). */
  body: PostBody;
  /** The server's language for posts (null: English). */
  language: string | null;
}

export interface TickSummary {
  posted: number;
  skipped: number;
  failed: number;
  blocked: number;
  /** Servers left alone this tick because an earlier tick is still posting for them. */
  inFlight?: number;
}

export const MAX_ATTEMPTS = 3;
/** Servers posted for at once. */
export const GUILD_CONCURRENCY = 8;
/**
 * How long a claim is ours before another worker may take it over: longer than a send normally
 * takes, short enough that a post whose worker died is retried within the nonce window below.
 */
export const LEASE_MS = 60_000;
/**
 * Discord deduplicates a nonce "for a few minutes" (discord-api-types, create message). A claim
 * that lapsed with its outcome unknown is retried only within 2.5 minutes of its FIRST claim,
 * well inside that: a retry then returns the first message, never a second. Later it is settled
 * as skipped. With LEASE_MS this leaves 90 s in which a retake can happen, more than a
 * minute's tick.
 */
export const NONCE_RETAKE_WINDOW_MS = 150_000;
/** Settled ledger entries older than this are pruned: far past the grace window and catch-up. */
export const LEDGER_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;
/** How often the runner prunes the ledger (a periodic job, never a part of a write). */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Discord's "Missing Permissions" (RESTJSONErrorCodes.MissingPermissions). */
const MISSING_PERMISSIONS = 50013;
const NO_KEYS: PostedKeys = new Set<string>();

/** A fixed number of slots; work waits for one in order. */
function slots(limit: number) {
  let free = Math.max(1, limit);
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

export interface LoadDueInput {
  store: Pick<StorePorts, 'settings' | 'ledger'>;
  index: DueIndex;
  guildIds: readonly string[];
  now: Date;
  data: Dataset;
  prompts: PromptBank;
  graceMs?: number;
}

/**
 * What a tick posts: the ledger of, and computeDue for, only the servers whose posting time has
 * come, whose settings changed, that are new to the tick or whose work is open (all of them on
 * the first tick, so missed posts after a restart are found). What changed comes from the
 * settings port's change feed, so a steady tick reads the settings of the computed servers only;
 * a store without a feed (or one that lost track) has every server's settings read and compared.
 * The same posts as computing every server (see DueIndex). Exported for the bench, which times
 * this. `settings` holds the computed servers' settings (every server's on a full read).
 */
export async function loadDue({
  store,
  index,
  guildIds,
  now,
  data,
  prompts,
  graceMs = GRACE_MS,
}: LoadDueInput): Promise<{
  settings: Map<string, Versioned<GuildSettings>>;
  due: DuePost[];
  computed: number;
  /** The settled keys of the servers computed (issue 13: a second pass with a server's rotation). */
  keys: Map<string, ReadonlySet<string>>;
}> {
  // Read before any settings: a change made after this is in the next tick's feed.
  const feed = store.settings.changes ? await store.settings.changes(index.settingsCursor) : null;
  let settings: Map<string, Versioned<GuildSettings>> | null = null;
  let changed: Iterable<string>;
  if (feed && feed.changed !== null) changed = feed.changed;
  else {
    settings = await store.settings.getMany(guildIds);
    changed = index.changedAmong(guildIds, settings);
  }
  index.settingsCursor = feed?.cursor ?? null;
  const selected = index.select(now, guildIds, changed);
  settings ??= await store.settings.getMany(selected);
  // A server without settings is not computed; the index keeps it until some are written.
  const computed = selected.filter((id) => settings.has(id));
  const keys = await store.ledger.settledKeys(computed);
  // Asked after the keys: a key that was someone's claim when they were read is known as one.
  const open = await store.ledger.openClaims(computed);
  const due = computeDueForGuilds({
    now,
    guildIds: computed,
    settingsFor: (id) => settings.get(id)?.value,
    postLogFor: (id) => keys.get(id) ?? NO_KEYS,
    data,
    prompts,
    graceMs,
  });
  const busy = new Set(open);
  for (const post of due) busy.add(post.guildId);
  index.record(now, selected, settings, busy);
  return { settings, due, computed: computed.length, keys };
}

function emptySummary(): TickSummary {
  return { posted: 0, skipped: 0, failed: 0, blocked: 0 };
}

/** The ledger claim for a due post; exported so the partitions bench claims exactly as a tick does. */
export function claimRequestFor(
  post: DuePost,
  owner: string,
  lease: Pick<ClaimRequest, 'leaseMs' | 'retakeWindowMs'>,
): ClaimRequest {
  return {
    guildId: post.guildId,
    key: post.key,
    kind: post.kind,
    localDate: post.localDate,
    nonce: postNonce(post.guildId, post.key),
    owner,
    ...lease,
  };
}

/**
 * Posts what is due. `tick()` is what node-cron (and start-up) calls. What is due comes from the
 * calendar, the settings and the ledger, loaded for the tick's servers in one batch; every post
 * is claimed in the ledger before it is sent, so a second tick, a restart or a second process
 * finds nothing left to post.
 *
 * Each server's posts go one after another, servers side by side: a tick starts work only for
 * servers no earlier tick is still busy with, so one server's long rate limit holds up only that
 * server, and wake-ups meanwhile still serve the others.
 */
export function createRunner(deps: RunnerDeps) {
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const graceMs = deps.graceMs ?? GRACE_MS;
  const maxAttempts = deps.maxAttempts ?? MAX_ATTEMPTS;
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  const retakeWindowMs = deps.retakeWindowMs ?? NONCE_RETAKE_WINDOW_MS;
  const slot = slots(deps.concurrency ?? GUILD_CONCURRENCY);
  /** Servers with work started and not finished, by id. */
  const inFlight = new Map<string, Promise<void>>();
  /** Ticks plan one at a time, so two cannot start the same server. */
  let planning: Promise<unknown> = Promise.resolve();
  let draining = false;
  let threadsChecked = false;
  let lastPrune = Number.NEGATIVE_INFINITY;
  const dueIndex = new DueIndex(deps.data);

  function report(kind: PostKind, outcome: PostOutcome): void {
    try {
      deps.onOutcome?.(kind, outcome);
    } catch (error) {
      deps.log.warn({ err: error }, 'onOutcome hook threw');
    }
  }

  async function plan(): Promise<{ started: Promise<void>[]; summary: TickSummary }> {
    const { store, data, prompts } = deps;
    const summary = emptySummary();
    const served = [...deps.guildIds()];
    const ids = served.filter((id) => !inFlight.has(id));
    if (ids.length < served.length) summary.inFlight = served.length - ids.length;
    if (ids.length === 0 || draining) return { started: [], summary };

    const now = deps.now();
    const [{ settings, due, keys }, threads] = await Promise.all([
      loadDue({ store, index: dueIndex, guildIds: ids, now, data, prompts, graceMs }),
      // Threads of posts recorded before the last stop without theirs: once, at start.
      threadsChecked ? Promise.resolve([]) : store.ledger.pendingThreads(ids),
    ]);
    threadsChecked = true;
    const banks = await serversOwnBanks(due);
    for (const [guildId, bank] of banks) {
      // Recomputed with the server's own rotation: its prompt may be an approved suggestion.
      const again = computeDueForGuilds({
        now,
        guildIds: [guildId],
        settingsFor: (id) => settings.get(id)?.value,
        postLogFor: (id) => keys.get(id) ?? NO_KEYS,
        data,
        prompts: bank,
        graceMs,
      });
      due.splice(0, due.length, ...due.filter((p) => p.guildId !== guildId), ...again);
    }
    const byGuild = new Map<string, { posts: DuePost[]; threads: LedgerEntry[] }>();
    const work = (id: string) => {
      let found = byGuild.get(id);
      if (!found) byGuild.set(id, (found = { posts: [], threads: [] }));
      return found;
    };
    for (const post of due) work(post.guildId).posts.push(post);
    for (const entry of threads) work(entry.guildId).threads.push(entry);
    // loadDue returns the settings of the servers it computed; a thread's may be another's.
    const unread = [...byGuild.keys()].filter((id) => !settings.has(id));
    if (unread.length > 0) {
      for (const [id, found] of await store.settings.getMany(unread)) settings.set(id, found);
    }

    const started: Promise<void>[] = [];
    for (const [guildId, { posts, threads: pending }] of byGuild) {
      const channelId = settings.get(guildId)?.value.channelId ?? null;
      const bank = banks.get(guildId) ?? prompts;
      const running = slot(() =>
        runGuild(guildId, channelId, posts, pending, summary, bank),
      ).finally(() => inFlight.delete(guildId));
      inFlight.set(guildId, running);
      started.push(running);
    }
    return { started, summary };
  }

  async function runGuild(
    guildId: string,
    channelId: string | null,
    posts: readonly DuePost[],
    threads: readonly LedgerEntry[],
    summary: TickSummary,
    bank: PromptBank,
  ): Promise<void> {
    for (const entry of threads) {
      if (draining) return;
      if (channelId !== null) await reopenThread(channelId, entry);
    }
    for (const post of posts) {
      // On shutdown no new post starts; the one in flight finishes and is recorded.
      if (draining) return;
      try {
        const outcome = await handle(post, bank);
        report(post.kind, outcome);
        if (outcome === 'posted') summary.posted += 1;
        else if (outcome === 'skipped') summary.skipped += 1;
        else if (outcome === 'failed' || outcome === 'retry') summary.failed += 1;
        else if (outcome === 'blocked') summary.blocked += 1;
        // A blocked server gets nothing more this tick.
        if (outcome === 'blocked') return;
      } catch (error) {
        // One server's trouble (even a bug, or the store failing) never stops the others. A
        // claim that was made stays in the ledger and lapses: retried in the nonce window.
        deps.log.error(
          { event: 'post-crashed', err: error, guildId, key: post.key },
          'scheduled post crashed',
        );
        report(post.kind, 'failed');
        summary.failed += 1;
      }
    }
  }

  async function handle(post: DuePost, bank: PromptBank): Promise<PostOutcome> {
    const { store, log } = deps;
    // Read again, not taken from the start of the tick: an admin may have paused or turned off
    // the schedule while earlier posts went out.
    const current = (await store.settings.get(post.guildId))?.value;
    if (!current || current.paused || current.blocked !== null) return 'skipped';
    // Another process owns the server now; it will post (the ledger would refuse us anyway).
    if (deps.owns && !deps.owns(post.guildId)) return 'held';

    const claim = await store.ledger.claim(
      claimRequestFor(post, owner, { leaseMs, retakeWindowMs }),
    );
    deps.onClaim?.(claim.kind);
    if (claim.kind === 'held') return 'held';
    if (claim.kind === 'settled') {
      if (claim.entry.state === 'skipped' && claim.entry.reason?.startsWith('outcome unknown')) {
        log.warn(
          { guildId: post.guildId, key: post.key, attempts: claim.entry.attempts },
          'post skipped: an earlier claim lapsed with its outcome unknown, past the nonce window',
        );
        return 'skipped';
      }
      return 'held';
    }
    const { entry } = claim;
    const settle = (state: 'skipped' | 'failed', reason: string) =>
      store.ledger.giveUp(post.guildId, post.key, owner, state, reason);

    // An admin skipped this very post (`/schedule skip`): settled as skipped, so it acts once.
    if (current.skipKeys?.includes(post.key)) {
      await settle('skipped', 'skipped by an admin (/schedule skip)');
      await updateSettings(
        store.settings,
        post.guildId,
        ifSetUp((s) => ({ ...s, skipKeys: (s.skipKeys ?? []).filter((k) => k !== post.key) })),
      );
      log.info({ guildId: post.guildId, key: post.key }, 'post skipped by an admin');
      return 'skipped';
    }
    // A post may have waited for its server's turn; past the grace window it is never sent late.
    const lateMs = deps.now().getTime() - post.dueAt.getTime();
    if (post.status === 'missed' || lateMs > graceMs) {
      await settle(
        'skipped',
        `came due ${post.dueAt.toISOString()}, more than the grace window before the bot could post`,
      );
      log.warn({ guildId: post.guildId, key: post.key }, 'missed post logged as skipped');
      return 'skipped';
    }
    if (entry.attempts > maxAttempts) {
      await settle('failed', `gave up after ${maxAttempts} attempts`);
      log.error({ guildId: post.guildId, key: post.key }, 'post failed, given up');
      return 'failed';
    }
    if (claim.retake) {
      log.warn(
        { event: 'post-retaken', guildId: post.guildId, key: post.key, attempts: entry.attempts },
        'retrying a post whose earlier claim lapsed unsettled, with the same nonce',
      );
    }

    let messageId: string;
    try {
      ({ messageId } = await send(current.channelId, post));
    } catch (error) {
      return failed(post, entry, deps.poster.classify(error));
    }
    // Recorded at once, with the thread still to open: a crash from here on loses neither.
    const recorded = await store.ledger.complete(
      post.guildId,
      post.key,
      owner,
      messageId,
      post.thread,
    );
    if (!recorded) {
      // Another worker took the claim over (our lease ran out while Discord was slow) and sent
      // the same nonce, so Discord returned this same message to it: one message, its record.
      log.warn(
        { guildId: post.guildId, key: post.key, messageId },
        'posted, but the claim had been taken over; the other worker records it',
      );
      return 'posted';
    }
    if (deps.onPosted) {
      await deps
        .onPosted({
          guildId: post.guildId,
          channelId: current.channelId,
          messageId,
          kind: post.kind,
          body: post.body,
          language: current.language,
        })
        .catch((error: unknown) =>
          log.warn({ err: error, guildId: post.guildId }, 'onPosted hook failed'),
        );
    }
    const { promptId } = post;
    if (promptId) {
      const seen = await updateSettings(
        store.settings,
        post.guildId,
        ifSetUp((s) => ({
          ...s,
          promptsSeen: markPromptSeen(bank, s.promptsSeen, promptId),
        })),
      );
      if (seen.kind === 'contended' || seen.kind === 'unavailable') {
        log.warn(
          { guildId: post.guildId, promptId, result: seen.kind },
          'could not mark the prompt seen',
        );
      }
    }
    if (post.thread) {
      await openThread(current.channelId, post.guildId, post.key, messageId, post.thread);
    }
    log.info({ event: 'posted', guildId: post.guildId, key: post.key, messageId }, 'posted');
    return 'posted';
  }

  /** Opens a post's thread and clears its pending mark; a passing failure leaves it pending. */
  async function openThread(
    channelId: string,
    guildId: string,
    key: string,
    messageId: string,
    thread: ThreadSpec,
  ): Promise<void> {
    try {
      await deps.poster.openThread(channelId, messageId, thread);
    } catch (error) {
      const failure = deps.poster.classify(error);
      // The post stands without its thread; a missing thread permission is not worth a block.
      deps.log.warn(
        { event: 'thread-failed', err: error, guildId, key },
        'could not open a thread',
      );
      if (failure.kind === 'retry') return;
    }
    await deps.store.ledger.threadOpened(guildId, key);
  }

  async function reopenThread(channelId: string, entry: LedgerEntry): Promise<void> {
    if (entry.messageId === null || entry.pendingThread === null) return;
    try {
      await openThread(channelId, entry.guildId, entry.key, entry.messageId, entry.pendingThread);
      deps.log.info({ guildId: entry.guildId, key: entry.key }, 'opened a thread left pending');
    } catch (error) {
      deps.log.error(
        { err: error, guildId: entry.guildId, key: entry.key },
        'pending thread crashed',
      );
    }
  }

  /**
   * Create Polls is optional (setup saves a channel without it and says posts go out without
   * polls), but Discord refuses a whole message whose poll the bot may not create: then the post
   * goes out without its poll rather than blocking the server. The refused request created
   * nothing, so the same nonce serves the second one.
   */
  async function send(
    channelId: string,
    post: Extract<DuePost, { status: 'due' }>,
  ): Promise<{ messageId: string }> {
    const body = { ...post.body, nonce: post.nonce };
    try {
      return await deps.poster.post(channelId, body);
    } catch (error) {
      const failure = deps.poster.classify(error);
      const refusedPoll =
        post.withoutPoll !== null &&
        failure.kind === 'blocked' &&
        failure.code === MISSING_PERMISSIONS;
      if (!refusedPoll || post.withoutPoll === null) throw error;
      deps.log.warn(
        { event: 'poll-dropped', guildId: post.guildId, key: post.key },
        'posting without the poll: the bot may not create polls in the channel',
      );
      // Same nonce: the refused request created nothing.
      return deps.poster.post(channelId, { ...post.withoutPoll, nonce: post.nonce });
    }
  }

  async function failed(
    post: DuePost,
    entry: LedgerEntry,
    failure: PostFailure,
  ): Promise<PostOutcome> {
    const { store, log } = deps;
    const reason = failure.reason.slice(0, 500);
    if (failure.kind === 'blocked') {
      const since = deps.now().toISOString();
      const blocked = await updateSettings(
        store.settings,
        post.guildId,
        // The code alone: replies word it in the reader's language (issue 14), the log keeps the prose.
        ifSetUp((s) => ({ ...s, blocked: { code: failure.code, since } })),
      );
      // Let go, not settled: nothing was posted, and resuming starts from a fresh activeSince.
      await store.ledger.release(post.guildId, post.key, owner, reason);
      log.warn(
        { guildId: post.guildId, code: failure.code, reason, saved: blocked.kind },
        'schedule blocked',
      );
      return 'blocked';
    }
    if (failure.kind === 'retry' && entry.attempts < maxAttempts) {
      await store.ledger.release(post.guildId, post.key, owner, reason);
      log.warn(
        { guildId: post.guildId, key: post.key, tries: entry.attempts, reason },
        'post failed, will retry',
      );
      return 'retry';
    }
    await store.ledger.giveUp(post.guildId, post.key, owner, 'failed', reason);
    log.error({ guildId: post.guildId, key: post.key, reason }, 'post failed, given up');
    return 'failed';
  }

  /**
   * The rotations of the servers with a prompt due now that have approved suggestions: read only
   * for those (a handful a tick), never for every server. A store that cannot say leaves the
   * server on the built-in bank for this post.
   */
  async function serversOwnBanks(due: readonly DuePost[]): Promise<Map<string, PromptBank>> {
    const banks = new Map<string, PromptBank>();
    const port = deps.store.suggestions;
    if (!port) return banks;
    const withPrompt = new Set(
      due.filter((p) => p.kind === 'prompt' && p.status === 'due').map((p) => p.guildId),
    );
    await Promise.all(
      [...withPrompt].map(async (guildId) => {
        try {
          const approved = await port.approved(guildId);
          if (approved.length > 0) banks.set(guildId, bankWithSuggestions(deps.prompts, approved));
        } catch (error) {
          deps.log.warn({ err: error, guildId }, 'could not read approved suggestions');
        }
      }),
    );
    return banks;
  }

  async function pruneIfDue(): Promise<void> {
    const nowMs = deps.now().getTime();
    if (nowMs - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = nowMs;
    try {
      const pruned = await deps.store.ledger.prune(new Date(nowMs - LEDGER_RETENTION_MS));
      if (pruned > 0) deps.log.info({ pruned }, 'ledger pruned');
    } catch (error) {
      deps.log.warn({ err: error }, 'could not prune the ledger; trying again next hour');
    }
  }

  return {
    /** This runner's name in the ledger. */
    owner,
    /**
     * Starts what is due now for servers not already in flight and resolves when those are
     * done; a call while earlier work runs serves the other servers.
     */
    async tick(): Promise<TickSummary> {
      if (draining) return emptySummary();
      const planned = planning.then(plan);
      planning = planned.catch(() => undefined);
      const { started, summary } = await planned;
      await pruneIfDue();
      await Promise.all(started);
      return summary;
    },
    /** Servers with posts in flight now: a figure for logs and tests. */
    inFlight(): number {
      return inFlight.size;
    },
    /** Resolves when no work is running (new ticks may still start). */
    async idle(): Promise<void> {
      await planning;
      while (inFlight.size > 0) await Promise.all(inFlight.values());
    },
    /**
     * For shutdown: starts no new post, lets the ones in flight finish and be recorded, then
     * resolves. Ticks after it do nothing.
     */
    async drain(): Promise<void> {
      draining = true;
      await this.idle();
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
