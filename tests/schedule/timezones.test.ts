import { describe, expect, test } from 'vitest';
import {
  allTimeZones,
  checkPostingTime,
  checkTimeZone,
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
    ['4:00', 4, 0],
    ['21.05', 21, 5],
    ['23:59', 23, 59],
  ])('GIVEN %j WHEN checked THEN %i:%i', (input, hour, minute) => {
    expect(checkPostingTime(input)).toEqual({ kind: 'ok', hour, minute });
  });

  // Kyiv's clocks go 03:00→04:00 (last Sunday of March) and 04:00→03:00 (last Sunday of October):
  // 03:xx is skipped once a year and happens twice once a year; 04:00 always happens exactly once.
  test.each(['0:00', '00:30', '3:00', '03:30', '3:59'])(
    'GIVEN %j, in the small hours WHEN checked THEN it is refused',
    (input) => {
      expect(checkPostingTime(input)).toEqual({ kind: 'invalid', reason: 'small-hours' });
    },
  );

  test.each(['24:00', '9:60', 'nine', '9am', ''])(
    'GIVEN %j WHEN checked THEN it is refused as malformed',
    (input) => {
      expect(checkPostingTime(input)).toEqual({ kind: 'invalid', reason: 'format' });
    },
  );
});
