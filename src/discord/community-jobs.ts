import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';

/** Follow DMs are due by the day: looking every few minutes is plenty. */
export const FOLLOW_EVERY_MS = 10 * 60_000;

export interface CommunityJobs {
  polls: { tick(): Promise<{ posted: number; waiting: number; gone: number }> };
  follows: { tick(): Promise<{ sent: number; refused: number; failed: number }> };
}

/**
 * Wakes the community jobs (poll results each wake, follow DMs every FOLLOW_EVERY_MS) on their
 * own cron task, beside the runner's and never inside its tick: a slow DM never holds up a
 * scheduled post. Both jobs keep their state in the store, so a skipped wake is caught up later.
 */
export function startCommunityJobs(
  jobs: CommunityJobs,
  log: Pick<Logger, 'info' | 'error'>,
  expression = '* * * * *',
  realNow: () => number = Date.now,
): { stop(): Promise<void> } {
  let lastFollows = Number.NEGATIVE_INFINITY;
  let running: Promise<void> = Promise.resolve();
  const wake = async () => {
    try {
      const polls = await jobs.polls.tick();
      if (polls.posted + polls.gone > 0) log.info(polls, 'poll results tick');
    } catch (error) {
      log.error({ err: error }, 'poll results tick failed');
    }
    if (realNow() - lastFollows < FOLLOW_EVERY_MS) return;
    lastFollows = realNow();
    try {
      const follows = await jobs.follows.tick();
      if (follows.sent + follows.refused + follows.failed > 0) log.info(follows, 'follow DMs tick');
    } catch (error) {
      log.error({ err: error }, 'follow DMs tick failed');
    }
  };
  const run = () => {
    running = wake();
    return running;
  };
  const task: ScheduledTask = cron.schedule(expression, run, {
    name: 'community-jobs',
    noOverlap: true,
  });
  void run();
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
