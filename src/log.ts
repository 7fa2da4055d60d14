import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear in a log record. The token and authorization
 * headers must never reach a log, even when an error object carries a request with them.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'headers.Authorization',
  'config.DISCORD_TOKEN',
];

export function createLogger(level: LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
