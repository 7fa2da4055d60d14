import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  coverage,
  COVERAGE_PATH,
  entries,
  readLeftOut,
  renderCoverage,
} from '../../scripts/reference-coverage.js';

const rows = coverage();
const leftOut = readLeftOut();

describe('docs/reference-coverage.md: every developments entry used or left out, with why', () => {
  test('GIVEN the reference THEN every entry is counted once', () => {
    expect(rows).toHaveLength(entries.length);
    expect(entries.length).toBeGreaterThan(50);
  });

  test.each(rows.map((row) => [row.index, row.entry.claim.slice(0, 70), row] as const))(
    'GIVEN entry %i (%s…) THEN the data uses it, or a reason says why not',
    (_, __, row) => {
      expect(row.uses.length > 0 || row.leftOut !== null).toBe(true);
    },
  );

  test('GIVEN the left-out list THEN each names an entry of the reference, has a reason, and is truly unused', () => {
    const claims = new Set(entries.map((e) => e.claim));
    for (const item of leftOut) {
      expect(claims.has(item.claim), item.claim).toBe(true);
      expect(item.reason.length).toBeGreaterThan(40);
      const row = rows.find((r) => r.entry.claim === item.claim)!;
      // An entry the data has since taken up must leave the list, not carry a stale reason.
      expect(row.uses, item.claim).toEqual([]);
    }
    expect(new Set(leftOut.map((l) => l.claim)).size).toBe(leftOut.length);
  });

  test('GIVEN an entry neither used nor listed WHEN covered THEN it shows as a gap (the check can fail)', () => {
    const withoutFirst = coverage(leftOut.slice(1));
    const gap = withoutFirst.find((r) => r.entry.claim === leftOut[0]!.claim)!;
    expect(gap.uses).toEqual([]);
    expect(gap.leftOut).toBeNull();
  });

  test('GIVEN an agreement source with an entry’s page and sentence THEN that is where the entry is used', () => {
    const denmark = rows.find((r) => r.entry.field_or_new_record === 'dk.signed')!;
    expect(denmark.uses.join(' ')).toContain('agreements.json `dk` (signed, place');
    expect(denmark.uses.join(' ')).toMatch(/changelog\.json \[\d+\] \(2026-12-01\)/);
    const montenegro = rows.find((r) => r.entry.claim.startsWith('Montenegro: signing planned'))!;
    expect(montenegro.uses.join(' ')).toContain('records.json `me`');
  });

  test('GIVEN the committed document THEN it is what the script prints today', () => {
    expect(readFileSync(COVERAGE_PATH, 'utf8')).toBe(renderCoverage(rows));
  });
});
