import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { isDeliberateCacheWarning } from '../../src/discord/cache.js';
import { createLogger } from '../../src/log.js';
import { logProcessWarnings } from '../../src/ops/process-warnings.js';

function capture() {
  const lines: string[] = [];
  const log = createLogger('debug', { write: (line: string) => lines.push(line) });
  return { log, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

function warning(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

describe('process warnings', () => {
  test('GIVEN node’s own printer is listening WHEN the bot takes warnings over THEN it is the only listener', () => {
    const source = new EventEmitter();
    source.on('warning', () => {});
    logProcessWarnings(source, capture().log, () => false);
    expect(source.listenerCount('warning')).toBe(1);
  });

  test('GIVEN discord.js warns about the channel cache the bot limits THEN it is logged at debug as expected', () => {
    const source = new EventEmitter();
    const { log, records } = capture();
    logProcessWarnings(source, log, isDeliberateCacheWarning);
    source.emit(
      'warning',
      warning(
        'UnsupportedCacheOverwriteWarning',
        'Overriding the cache handling for GuildChannelManager is unsupported and breaks functionality.',
      ),
    );
    expect(records()).toEqual([expect.objectContaining({ level: 20, event: 'expected-warning' })]);
  });

  test.each([
    ['a deprecation', warning('DeprecationWarning', 'Buffer() is deprecated')],
    [
      'a cache limit the bot did not set',
      warning(
        'UnsupportedCacheOverwriteWarning',
        'Overriding the cache handling for GuildManager is unsupported and breaks functionality.',
      ),
    ],
  ])('GIVEN %s THEN it is logged as a warning with its message', (_, emitted) => {
    const source = new EventEmitter();
    const { log, records } = capture();
    logProcessWarnings(source, log, isDeliberateCacheWarning);
    source.emit('warning', emitted);
    expect(records()).toEqual([
      expect.objectContaining({
        level: 40,
        event: 'process-warning',
        warning: emitted.name,
        msg: emitted.message,
      }),
    ]);
  });
});
