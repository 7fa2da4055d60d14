/**
 * How many runs a property test makes: the count it passes in (what CI runs), unless the
 * environment sets PROPERTY_RUNS, which then holds for every property. `npm run test:unit` sets a
 * low one so the inner loop takes seconds; a run hunting for a rare case can set a high one.
 */
export function propertyRuns(count: number): number {
  const wanted = process.env.PROPERTY_RUNS;
  if (wanted === undefined || wanted === '') return count;
  const runs = Number(wanted);
  // A typo must not quietly turn every property test into zero runs.
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`PROPERTY_RUNS must be a whole number above 0, not ${JSON.stringify(wanted)}`);
  }
  return runs;
}

/** fast-check's own default run count, for the properties that name none. */
export const FAST_CHECK_RUNS = 100;
