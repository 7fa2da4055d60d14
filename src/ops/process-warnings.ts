import type { Logger } from '../log.js';

/** The part of `process` this needs: the warning event and its listeners. */
export interface WarningSource {
  removeAllListeners(event: 'warning'): unknown;
  on(event: 'warning', listener: (warning: Error) => void): unknown;
}

/**
 * Sends process warnings (deprecations, discord.js's notices) through the bot's logger instead
 * of node's plain-text lines on stderr, so they arrive as JSON with an `event` field like every
 * other log line. A warning `isExpected` names is logged at debug, with that reason.
 */
export function logProcessWarnings(
  source: WarningSource,
  log: Logger,
  isExpected: (warning: Error) => boolean,
): void {
  // Node's own printer is the one listener a process starts with: without removing it, every
  // warning would be printed twice, once as text.
  source.removeAllListeners('warning');
  source.on('warning', (warning) => {
    if (isExpected(warning)) {
      log.debug(
        { event: 'expected-warning', warning: warning.name },
        `${warning.message} (expected: the bot limits this cache on purpose, see src/discord/cache.ts)`,
      );
      return;
    }
    log.warn({ event: 'process-warning', warning: warning.name }, warning.message);
  });
}
