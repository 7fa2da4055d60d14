import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/**
 * What an operator must see in the first lines of a start: where the store file really is (a
 * relative STORE_PATH depends on the working directory), and a shifted clock, which in a real
 * start would post everything at the wrong time.
 */
export function logBootFacts(
  config: Pick<Config, 'STORE_PATH' | 'BOT_CLOCK_START'>,
  log: Pick<Logger, 'info' | 'warn'>,
  realNow: () => number = Date.now,
): void {
  log.info(
    { event: 'store-path', path: config.STORE_PATH, cwd: process.cwd() },
    `store file: ${config.STORE_PATH}`,
  );
  if (config.BOT_CLOCK_START) {
    log.warn(
      {
        event: 'clock-shifted',
        clockStart: config.BOT_CLOCK_START,
        offsetMs: Date.parse(config.BOT_CLOCK_START) - realNow(),
      },
      '!!! BOT_CLOCK_START is set: the bot runs on a shifted clock and will post at the wrong times. It is for tests only; unset it in a real start. !!!',
    );
  }
}
