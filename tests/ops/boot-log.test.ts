import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createLogger, openPrettyStream } from '../../src/log.js';
import { logBootFacts } from '../../src/ops/boot-log.js';

function capture() {
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => lines.push(line) });
  return { log, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('what a start logs first', () => {
  test('GIVEN a normal start THEN the store file is logged by its absolute path, and no clock warning', () => {
    const { log, records } = capture();
    logBootFacts({ STORE_PATH: '/srv/bot/.data/store.json', BOT_CLOCK_START: undefined }, log);
    expect(records()).toEqual([
      expect.objectContaining({
        level: 30,
        event: 'store-path',
        path: '/srv/bot/.data/store.json',
        cwd: process.cwd(),
      }),
    ]);
  });

  test('GIVEN BOT_CLOCK_START THEN a warning names it and how far the clock is shifted', () => {
    const { log, records } = capture();
    const realNow = () => Date.parse('2026-12-01T12:00:00Z');
    logBootFacts(
      { STORE_PATH: '/tmp/s.json', BOT_CLOCK_START: '2026-12-01T11:00:00Z' },
      log,
      realNow,
    );
    const warning = records().find((r) => r['event'] === 'clock-shifted');
    expect(warning).toMatchObject({
      level: 40,
      clockStart: '2026-12-01T11:00:00Z',
      offsetMs: -3_600_000,
    });
    expect(String(warning?.['msg'])).toMatch(/BOT_CLOCK_START/);
  });
});

describe('readable logs for development', () => {
  test('GIVEN pino-pretty (a dev dependency) THEN lines are readable text, still scrubbed', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const stream = await openPrettyStream(sink);
    expect(stream).not.toBeNull();
    const secret = 'plain-secret-for-pretty-test';
    const log = createLogger('info', stream!, { secrets: [secret] });
    log.info({ event: 'interaction', command: 'agreement', token: secret }, 'interaction');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text).toContain('interaction');
    expect(text).toContain('agreement');
    expect(text.trimStart().startsWith('{')).toBe(false);
    expect(text).not.toContain(secret);
  });
});
