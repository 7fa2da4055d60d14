import { describe, expect, test } from 'vitest';
import { clockFrom } from '../src/clock.js';

/** A stand-in for Date.now that tests move by hand. */
function realClock(startMs: number) {
  const state = { ms: startMs };
  return { now: () => state.ms, advance: (ms: number) => (state.ms += ms) };
}

describe('clockFrom', () => {
  test.each([undefined, ''])('GIVEN no start (%j) WHEN read THEN it is the real clock', (start) => {
    const real = realClock(Date.parse('2030-01-01T00:00:00.000Z'));
    const now = clockFrom(start, real.now);
    expect(now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
    real.advance(90_000);
    expect(now().toISOString()).toBe('2030-01-01T00:01:30.000Z');
  });

  test.each([
    ['2025-02-16T06:59:00Z', '2025-02-16T06:59:00.000Z'],
    ['2025-02-16T08:59:00+02:00', '2025-02-16T06:59:00.000Z'],
  ])(
    'GIVEN a start of %s WHEN read and after time passes THEN it starts there and runs at real speed',
    (start, expected) => {
      const real = realClock(Date.parse('2030-06-01T12:00:00.000Z'));
      const now = clockFrom(start, real.now);
      expect(now().toISOString()).toBe(expected);
      real.advance(61_000);
      expect(now().getTime() - Date.parse(expected)).toBe(61_000);
    },
  );

  test('GIVEN no injected real clock WHEN read THEN it follows Date.now', () => {
    const before = Date.now();
    const now = clockFrom(undefined)().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
