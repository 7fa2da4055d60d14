import { defineConfig } from 'vitest/config';

/**
 * Tests that start a process (the bot, the preview's CLI, a child that holds a PostgreSQL slot) or
 * need PostgreSQL. They are the slow ones, so `npm run test:unit` leaves them out; `npm test` runs
 * them beside the pure ones.
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

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: endToEnd },
      },
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
