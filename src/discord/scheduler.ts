import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import type { Runner } from '../schedule/runner.js';

/**
 * Wakes the runner on SCHEDULE_CRON (every minute by default). node-cron keeps no state and skips
 * a run it was late for, which is fine: the runner works out what is due from the calendar and
 * the post log, so a skipped wake-up is caught up by the next one. One task per process, started once (not on reconnect).
 */
export function startScheduler(
  runner: Runner,
  log: Logger,
  expression = '* * * * *',
): { stop(): Promise<void> } {
  const wake = async () => {
    try {
      const summary = await runner.tick();
      if (summary.posted + summary.skipped + summary.failed + summary.blocked > 0) {
        log.info(summary, 'schedule tick');
      }
    } catch (error) {
      log.error({ err: error }, 'schedule tick failed');
    }
  };
  const task: ScheduledTask = cron.schedule(expression, wake, {
    name: 'scheduled-posts',
    noOverlap: true,
  });
  // Catch up at once on what came due while the bot was down, rather than at the next minute.
  void wake();
  return {
    /** Stops waking the runner, and lets the posts in flight finish and be recorded. */
    async stop() {
      await task.stop();
      await runner.drain();
    },
  };
}
