import { describe, expect, test } from 'vitest';
import {
  allTimeZones,
  checkPostingTime,
  checkTimeZone,
  clockChangeAt,
  clockChangeWindows,
  clockTime,
  isValidTimeZone,
  matchTimeZones,
  offsetLabel,
  suggestTimeZones,
} from '../../src/schedule/timezones.js';

const NOW = new Date('2026-02-16T07:00:00.000Z');

describe('checkTimeZone', () => {
  test.each([
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['UTC', 'UTC'],
    ['europe/kyiv', 'Europe/Kyiv'],
    [' America/New_York ', 'America/New_York'],
    ['Europe/Kiev', 'Europe/Kiev'],
    ['Pacific/Auckland', 'Pacific/Auckland'],
  ])('GIVEN %j WHEN checked THEN it is accepted as %s', (input, name) => {
    expect(checkTimeZone(input)).toEqual({ kind: 'ok', name });
  });

  test.each(['Mars/Olympus_Mons', '+02:00', 'Kyiv', '', 'Europe/../etc'])(
    'GIVEN %j WHEN checked THEN it is refused',
    (input) => {
      expect(checkTimeZone(input).kind).toBe('invalid');
    },
  );

  test('GIVEN "kyiv" WHEN checked THEN it is refused with Europe/Kyiv suggested', () => {
    expect(checkTimeZone('kyiv')).toEqual({ kind: 'invalid', suggestions: ['Europe/Kyiv'] });
  });

  test('GIVEN the Node 20 Intl list WHEN our list is built THEN it adds Europe/Kyiv and UTC and drops Europe/Kiev', () => {
    const zones = allTimeZones();
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).toContain('UTC');
    expect(zones).not.toContain('Europe/Kiev');
    expect(zones.every(isValidTimeZone)).toBe(true);
  });
});

describe('suggestTimeZones', () => {
  test.each(['kyiv', 'kiev', 'Kyiv', 'europe/ky', 'київ'])(
    'GIVEN %j WHEN suggesting THEN Europe/Kyiv comes first',
    (query) => {
      expect(suggestTimeZones(query, NOW)[0]).toEqual({
        name: 'Europe/Kyiv (UTC+2)',
        value: 'Europe/Kyiv',
      });
    },
  );

  test.each([
    ['new york', 'America/New_York'],
    ['tokyo', 'Asia/Tokyo'],
    ['auck', 'Pacific/Auckland'],
    ['utc', 'UTC'],
  ])('GIVEN %j WHEN suggesting THEN %s is first', (query, zone) => {
    expect(suggestTimeZones(query, NOW)[0]?.value).toBe(zone);
  });

  test('GIVEN a substring of a city WHEN suggesting THEN zones containing it are found', () => {
    expect(matchTimeZones('angeles')).toContain('America/Los_Angeles');
  });

  test.each(['', 'a', 'america'])(
    'GIVEN %j WHEN suggesting THEN at most 25 choices, each within Discord limits',
    (query) => {
      const choices = suggestTimeZones(query, NOW);
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    },
  );

  test('GIVEN nonsense WHEN suggesting THEN nothing', () => {
    expect(suggestTimeZones('zzzzqqq', NOW)).toEqual([]);
  });

  test.each([
    ['Europe/Kyiv', '2026-02-16T07:00:00.000Z', 'UTC+2'],
    ['Europe/Kyiv', '2026-07-16T07:00:00.000Z', 'UTC+3'],
    ['America/St_Johns', '2026-02-16T07:00:00.000Z', 'UTC−3:30'],
    ['Asia/Kolkata', '2026-02-16T07:00:00.000Z', 'UTC+5:30'],
  ])('GIVEN %s at %s WHEN labelled THEN %s', (zone, at, label) => {
    expect(offsetLabel(zone, new Date(at))).toBe(label);
  });
});

describe('checkPostingTime', () => {
  test.each([
    ['9', 9, 0],
    ['09:30', 9, 30],
    ['0:00', 0, 0],
    ['03:30', 3, 30],
    ['4:00', 4, 0],
    ['21.05', 21, 5],
    ['23:59', 23, 59],
  ])(
    'GIVEN %j WHEN checked THEN %i:%i (the zone decides the small hours)',
    (input, hour, minute) => {
      expect(checkPostingTime(input)).toEqual({ kind: 'ok', hour, minute });
    },
  );

  test.each(['24:00', '9:60', 'nine', '9am', ''])(
    'GIVEN %j WHEN checked THEN it is refused as malformed',
    (input) => {
      expect(checkPostingTime(input)).toEqual({ kind: 'invalid', reason: 'format' });
    },
  );
});

/** Windows as "start–end" clock times, to read the table at a glance. */
const shownWindows = (zone: string) =>
  clockChangeWindows(zone, NOW).map((w) => `${clockTime(w.start)}–${clockTime(w.end)}`);

describe('clockChangeWindows', () => {
  test.each([
    ['UTC', []],
    ['Asia/Tokyo', []],
    ['Asia/Kolkata', []],
    // 03:00→04:00 on the last Sunday of March, 04:00→03:00 on the last Sunday of October.
    ['Europe/Kyiv', ['03:00–04:00']],
    ['Europe/Kiev', ['03:00–04:00']],
    // 02:00→03:00 in March skips 02:xx; 02:00→01:00 in November repeats 01:xx.
    ['America/New_York', ['01:00–03:00']],
    ['Europe/London', ['01:00–02:00']],
    ['Australia/Sydney', ['02:00–03:00']],
    // Half an hour, not one.
    ['Australia/Lord_Howe', ['01:30–02:30']],
    // Changes at midnight, so the window runs across it.
    ['America/Santiago', ['23:00–01:00']],
  ])(
    'GIVEN %s WHEN its clock changes in the next year are found THEN they touch %j',
    (zone, expected) => {
      expect(shownWindows(zone)).toEqual(expected);
    },
  );

  test('GIVEN a zone the runtime does not know WHEN asked THEN there are no windows', () => {
    expect(clockChangeWindows('Mars/Olympus_Mons', NOW)).toEqual([]);
  });
});

describe('clockChangeAt', () => {
  test.each<[string, string, boolean]>([
    ['UTC', '00:00', true],
    ['UTC', '02:30', true],
    ['UTC', '03:59', true],
    ['Asia/Tokyo', '00:00', true],
    ['Asia/Tokyo', '02:30', true],
    ['Asia/Tokyo', '03:30', true],
    ['Europe/Kyiv', '00:00', true],
    ['Europe/Kyiv', '02:59', true],
    ['Europe/Kyiv', '03:00', false],
    ['Europe/Kyiv', '03:30', false],
    ['Europe/Kyiv', '03:59', false],
    ['Europe/Kyiv', '04:00', true],
    ['America/New_York', '00:59', true],
    ['America/New_York', '01:00', false],
    ['America/New_York', '01:30', false],
    ['America/New_York', '02:30', false],
    ['America/New_York', '02:59', false],
    ['America/New_York', '03:00', true],
    ['America/Santiago', '23:30', false],
    ['America/Santiago', '00:30', false],
    ['America/Santiago', '01:00', true],
  ])('GIVEN %s at %s WHEN checked THEN allowed is %s', (zone, time, allowed) => {
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    expect(clockChangeAt(zone, hour, minute, NOW) === null).toBe(allowed);
  });

  test('GIVEN a refused time WHEN checked THEN the window it falls in is given', () => {
    expect(clockChangeAt('America/New_York', 2, 30, NOW)).toEqual({ start: 60, end: 180 });
  });
});
