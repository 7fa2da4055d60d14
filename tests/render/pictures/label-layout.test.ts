import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FAST_CHECK_RUNS, propertyRuns } from '../../helpers/property-runs.js';
import { spreadLabels } from '../../../src/render/pictures/label-layout.js';

describe('spreadLabels', () => {
  test.each([
    ['apart', [10, 100, 200], [10, 100, 200]],
    ['two on one spot', [100, 100], [90, 110]],
    ['three on one spot', [100, 100, 100], [80, 100, 120]],
    ['crowded at the top edge', [0, 0], [10, 30]],
  ])('GIVEN points %s WHEN spread THEN the centres are as expected', (_name, wanted, expected) => {
    expect(spreadLabels(wanted, 20, { min: 0, max: 1000 })).toEqual(expected);
  });

  test('GIVEN any points WHEN spread THEN labels keep their order, never overlap and stay in bounds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { maxLength: 20 }),
        (wanted) => {
          const centres = spreadLabels(wanted, 20, { min: 0, max: 500 });
          const order = wanted
            .map((w, i) => [w, i] as const)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          for (let k = 1; k < order.length; k++) {
            expect(centres[order[k]![1]]! - centres[order[k - 1]![1]]!).toBeGreaterThanOrEqual(
              20 - 1e-6,
            );
          }
          for (const centre of centres) {
            expect(centre).toBeGreaterThanOrEqual(10 - 1e-6);
            if (wanted.length * 20 <= 500) expect(centre).toBeLessThanOrEqual(490 + 1e-6);
          }
        },
      ),
      { numRuns: propertyRuns(FAST_CHECK_RUNS) },
    );
  });
});
