import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    // A throwaway PostgreSQL server for the store's PostgreSQL tests (skipped where none exists).
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
  },
});
