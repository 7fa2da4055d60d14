import type { Dataset } from '../data/load.js';
import type { PostBody, ThreadSpec } from '../render/posts.js';
import type { Store, StoreLog } from '../store/legacy/store.js';
import { computeDueForGuilds, GRACE_MS, type DuePost } from './due.js';
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

export interface RunnerDeps {
  store: Store;
  data: Dataset;
  prompts: PromptBank;
  poster: Poster;
  log: StoreLog;
  now: () => Date;
  /** The servers this runner posts for: all the client's servers, or one shard's. */
  guildIds: () => Iterable<string>;
  graceMs?: number;
  /** Servers posted for at once (default GUILD_CONCURRENCY). */
  concurrency?: number;
  /** Ticks a post that failed with a passing error is tried on before it is given up. */
  maxAttempts?: number;
}

export interface TickSummary {
  posted: number;
  skipped: number;
  failed: number;
  blocked: number;
  /** Set when a tick was asked for while one was running: nothing was done. */
  busy?: true;
}

export const MAX_ATTEMPTS = 3;
/** Servers posted for at once in a tick. */
export const GUILD_CONCURRENCY = 8;

/** Runs `work` over the items, at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function attemptKeyOf(post: DuePost): string {
  return `${post.guildId}|${post.key}`;
}

/** Discord's "Missing Permissions" (RESTJSONErrorCodes.MissingPermissions). */
const MISSING_PERMISSIONS = 50013;

/**
 * Posts what is due. `tick()` is what node-cron (and start-up) calls; what is due comes from the
 * calendar and the post log, so a second tick, a restart or a reconnect finds nothing left to post.
 */
export function createRunner(deps: RunnerDeps) {
  const attempts = new Map<string, number>();
  let running: Promise<TickSummary> | null = null;

  async function runTick(): Promise<TickSummary> {
    const { store, data, prompts, now } = deps;
    const summary: TickSummary = { posted: 0, skipped: 0, failed: 0, blocked: 0 };
    const due = computeDueForGuilds({
      now: now(),
      guildIds: deps.guildIds(),
      settingsFor: (id) => store.getGuild(id),
      postLogFor: (id) => store.postedKeys(id),
      data,
      prompts,
      graceMs: deps.graceMs ?? GRACE_MS,
    });
    // A count is kept only while its post is still due: one whose server was paused, blocked or
    // turned off, or whose day passed, would otherwise stay for the life of the process.
    const dueKeys = new Set(due.map(attemptKeyOf));
    for (const key of attempts.keys()) if (!dueKeys.has(key)) attempts.delete(key);
    // Each server's posts go in order, one after another; servers go side by side, so a long
    // rate limit or a slow channel holds up only its own server. discord.js still keeps the bot
    // within its global request rate.
    const byGuild = new Map<string, DuePost[]>();
    for (const post of due) byGuild.set(post.guildId, [...(byGuild.get(post.guildId) ?? []), post]);
    await inParallel(
      [...byGuild.values()],
      deps.concurrency ?? GUILD_CONCURRENCY,
      async (posts) => {
        for (const post of posts) {
          try {
            const outcome = await handle(post);
            summary[outcome] += 1;
            // A blocked server gets nothing more this tick.
            if (outcome === 'blocked') return;
          } catch (error) {
            // One server's trouble (even a bug) never stops the others.
            deps.log.error(
              { err: error, guildId: post.guildId, key: post.key },
              'scheduled post crashed',
            );
            summary.failed += 1;
          }
        }
      },
    );
    return summary;
  }

  async function handle(post: DuePost): Promise<'posted' | 'skipped' | 'failed' | 'blocked'> {
    const { store, log } = deps;
    // Read again, not taken from the start of the tick: an admin may have paused or turned off
    // the schedule while earlier posts went out.
    const settings = store.getGuild(post.guildId);
    if (!settings || settings.paused || settings.blocked !== null) return 'skipped';
    const entry = {
      guildId: post.guildId,
      kind: post.kind,
      key: post.key,
      localDate: post.localDate,
    };

    if (post.status === 'missed') {
      await store.recordPost({
        ...entry,
        status: 'skipped',
        messageId: null,
        at: deps.now().toISOString(),
        reason: `came due ${post.dueAt.toISOString()}, more than the grace window before the bot could post`,
      });
      log.warn({ guildId: post.guildId, key: post.key }, 'missed post logged as skipped');
      return 'skipped';
    }

    let messageId: string;
    try {
      ({ messageId } = await send(settings.channelId, post));
    } catch (error) {
      return failed(post, deps.poster.classify(error));
    }
    // Record at once: the window in which a crash could lose the record is this one await.
    await store.recordPost({
      ...entry,
      status: 'posted',
      messageId,
      at: deps.now().toISOString(),
      reason: null,
    });
    attempts.delete(attemptKeyOf(post));
    const { promptId } = post;
    if (promptId) {
      await store.updateGuild(post.guildId, (current) => ({
        ...current,
        promptsSeen: markPromptSeen(deps.prompts, current.promptsSeen, promptId),
      }));
    }
    if (post.thread) {
      try {
        await deps.poster.openThread(settings.channelId, messageId, post.thread);
      } catch (error) {
        // The post stands without its thread; a missing thread permission is not worth a block.
        log.warn({ err: error, guildId: post.guildId, key: post.key }, 'could not open a thread');
      }
    }
    log.info({ guildId: post.guildId, key: post.key, messageId }, 'posted');
    return 'posted';
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
        { guildId: post.guildId, key: post.key },
        'posting without the poll: the bot may not create polls in the channel',
      );
      // Same nonce: the refused request created nothing.
      return deps.poster.post(channelId, { ...post.withoutPoll, nonce: post.nonce });
    }
  }

  async function failed(post: DuePost, failure: PostFailure): Promise<'failed' | 'blocked'> {
    const { store, log } = deps;
    const at = deps.now().toISOString();
    if (failure.kind === 'blocked') {
      await store.updateGuild(post.guildId, (current) => ({
        ...current,
        blocked: { reason: failure.reason, code: failure.code, since: at },
      }));
      log.warn(
        { guildId: post.guildId, code: failure.code, reason: failure.reason },
        'schedule blocked',
      );
      return 'blocked';
    }
    const attemptKey = attemptKeyOf(post);
    const tries = (attempts.get(attemptKey) ?? 0) + 1;
    attempts.set(attemptKey, tries);
    if (failure.kind === 'retry' && tries < (deps.maxAttempts ?? MAX_ATTEMPTS)) {
      log.warn(
        { guildId: post.guildId, key: post.key, tries, reason: failure.reason },
        'post failed, will retry',
      );
      return 'failed';
    }
    attempts.delete(attemptKey);
    await store.recordPost({
      guildId: post.guildId,
      kind: post.kind,
      key: post.key,
      localDate: post.localDate,
      status: 'failed',
      messageId: null,
      at,
      reason: failure.reason.slice(0, 500),
    });
    log.error(
      { guildId: post.guildId, key: post.key, reason: failure.reason },
      'post failed, given up',
    );
    return 'failed';
  }

  return {
    /** Posts that failed and will be tried on a later tick: a figure for logs and tests. */
    retriesPending(): number {
      return attempts.size;
    },
    /** Posts what is due now; a call while a tick runs returns at once and does nothing. */
    async tick(): Promise<TickSummary> {
      if (running) return { posted: 0, skipped: 0, failed: 0, blocked: 0, busy: true };
      running = runTick();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    /** Resolves when no tick is running: shutdown waits on it so an in-flight post is logged. */
    async idle(): Promise<void> {
      await running?.catch(() => undefined);
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
