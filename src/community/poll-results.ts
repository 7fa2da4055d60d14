import { createHash, randomUUID } from 'node:crypto';
import type { PollAnswerCount } from '../render/poll-results.js';
import { renderPollResults } from '../render/poll-results.js';
import type { PollsPort } from '../store/polls.js';
import type { StoreLog } from '../store/store.js';

/** A poll as Discord shows it now. */
export interface PollSnapshot {
  question: string;
  answers: PollAnswerCount[];
  /** Discord has counted every vote (a little after the poll's end). */
  finalized: boolean;
}

export type ReadPoll = { kind: 'poll'; poll: PollSnapshot } | { kind: 'gone'; reason: string };

export type PostFailureKind = 'retry' | 'gone';

/** The job's way out to Discord: tests give it a fake, the bot a REST one (src/discord/polls.ts). */
export interface PollDiscord {
  read(channelId: string, messageId: string): Promise<ReadPoll>;
  /**
   * Posts the results in the prompt's thread, or as a reply to it where there is none; with a
   * nonce, so a retry after a crash returns the first message.
   */
  postResults(
    channelId: string,
    messageId: string,
    body: ReturnType<typeof renderPollResults> & { nonce: string },
  ): Promise<{ messageId: string }>;
  /** What a failed call means: try again later, or never. */
  classify(error: unknown): { kind: PostFailureKind; reason: string };
}

export interface PollJobDeps {
  polls: PollsPort;
  discord: PollDiscord;
  now: () => Date;
  log: StoreLog;
  owner?: string;
  leaseMs?: number;
  /** Past the close by this much, results are posted even if Discord has not finalised them. */
  finalizeGraceMs?: number;
  /** Tries before a poll is given up (each tick is one). */
  maxAttempts?: number;
}

export const FINALIZE_GRACE_MS = 30 * 60_000;
export const POLL_MAX_ATTEMPTS = 60;
/** Polls handled per tick, oldest first: a backlog drains over a few minutes, not in one burst. */
export const POLLS_PER_TICK = 50;

export function resultsNonce(messageId: string): string {
  return createHash('sha256').update(`poll-results|${messageId}`).digest('hex').slice(0, 25);
}

export interface PollTickSummary {
  posted: number;
  waiting: number;
  gone: number;
}

/**
 * Posts each closed poll's results once: the poll is claimed in the store (one claimant wins,
 * across processes) before Discord is asked for the counts, and settled after the post. A poll
 * Discord has not finalised yet is let go and read again next tick, until the grace runs out.
 */
export function createPollResultsJob(deps: PollJobDeps) {
  const owner = deps.owner ?? `polls:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = deps.leaseMs ?? 2 * 60_000;
  const graceMs = deps.finalizeGraceMs ?? FINALIZE_GRACE_MS;
  const maxAttempts = deps.maxAttempts ?? POLL_MAX_ATTEMPTS;

  async function tick(): Promise<PollTickSummary> {
    const summary: PollTickSummary = { posted: 0, waiting: 0, gone: 0 };
    const now = deps.now();
    for (const due of await deps.polls.due(now, POLLS_PER_TICK)) {
      const poll = await deps.polls.claim(due.messageId, owner, leaseMs);
      if (!poll) continue;
      const giveUp = async (reason: string) => {
        await deps.polls.settle(poll.messageId, owner, { state: 'gone', reason });
        deps.log.warn(
          { guildId: poll.guildId, messageId: poll.messageId, reason },
          'poll results not posted',
        );
        summary.gone += 1;
      };
      const later = async (reason: string) => {
        if (poll.attempts >= maxAttempts)
          return giveUp(`gave up after ${poll.attempts} tries: ${reason}`);
        await deps.polls.release(poll.messageId, owner, reason);
        summary.waiting += 1;
      };
      try {
        const read = await deps.discord.read(poll.channelId, poll.messageId);
        if (read.kind === 'gone') {
          await giveUp(read.reason);
          continue;
        }
        const { finalized } = read.poll;
        if (!finalized && now.getTime() < poll.closesAt.getTime() + graceMs) {
          await later('Discord has not finalised the poll yet');
          continue;
        }
        const body = renderPollResults(
          read.poll.question,
          read.poll.answers,
          finalized,
          poll.language,
        );
        const posted = await deps.discord.postResults(poll.channelId, poll.messageId, {
          ...body,
          nonce: resultsNonce(poll.messageId),
        });
        await deps.polls.settle(poll.messageId, owner, {
          state: 'posted',
          resultMessageId: posted.messageId,
        });
        deps.log.info({ guildId: poll.guildId, messageId: poll.messageId }, 'poll results posted');
        summary.posted += 1;
      } catch (error) {
        const failure = deps.discord.classify(error);
        if (failure.kind === 'gone') await giveUp(failure.reason);
        else await later(failure.reason);
      }
    }
    return summary;
  }

  return { tick };
}
