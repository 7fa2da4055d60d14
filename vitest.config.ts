import { defineConfig } from 'vitest/config';

/**
 * Tests that start a process (the bot, the preview's CLI, a child that holds a PostgreSQL slot) or
 * need PostgreSQL: the slow ones.
 */
const endToEnd = [
  'tests/e2e/**/*.test.ts',
  'tests/store/postgres/**/*.test.ts',
  'tests/discord/identify-postgres.test.ts',
  'tests/preview/cli.test.ts',
  'tests/preview/contract.test.ts',
  'tests/preview/due.test.ts',
  'tests/preview/records.test.ts',
  'tests/startup.test.ts',
];

/**
 * Tests in this process that reach outside it: temporary files (the JSON store and its lock, the
 * restart log), HTTP servers on 127.0.0.1, and the picture tests, which draw whole PNGs with resvg
 * to check their pixels. `npm run test:unit` leaves them out; each keeps vitest's default of a
 * fresh module graph per file, as the JSON store keeps its held locks in module state.
 */
const inputOutput = [
  'tests/store/json.test.ts',
  'tests/store/community-json.test.ts',
  'tests/store/suggestions-json.test.ts',
  'tests/schedule/runner.test.ts',
  'tests/discord/identify-throttler.test.ts',
  'tests/discord/rate-limits.test.ts',
  'tests/ops/http.test.ts',
  'tests/render/pictures/map.test.ts',
  'tests/render/pictures/locale.test.ts',
  'tests/render/pictures/timeline.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...endToEnd, ...inputOutput],
          // Pure code needs no fresh module graph per file: sharing one per worker saves loading
          // and checking the data, zod and discord.js again for every file, most of the time the
          // project took; threads start faster than forked processes.
          isolate: false,
          pool: 'threads',
        },
      },
      { extends: true, test: { name: 'io', include: inputOutput } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: endToEnd,
          // A throwaway PostgreSQL server for the store's PostgreSQL tests (skipped where none exists).
          globalSetup: ['tests/helpers/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
