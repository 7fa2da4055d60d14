import { performance } from 'node:perf_hooks';
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPostgresServer, type PostgresServer } from './postgres-server.js';

/**
 * vitest globalSetup: one throwaway PostgreSQL server for the whole run, where one is installed.
 * Test files get its admin URL through inject('postgresUrl') and make a database of their own.
 * Without PostgreSQL the PostgreSQL tests skip with a clear line, except under CI=true, where a
 * missing server is a failure: CI must test the backend it ships.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL of the run's PostgreSQL server; null when none is installed. */
    postgresUrl: string | null;
  }
}

let server: PostgresServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!findPostgresBin()) {
    if (process.env.CI === 'true') {
      throw new Error(
        'CI=true but no PostgreSQL is installed (/usr/lib/postgresql/*/bin): .ci/run installs it',
      );
    }
    console.log('skipped: no PostgreSQL (install the postgresql package to run its tests)');
    project.provide('postgresUrl', null);
    return;
  }
  const started = performance.now();
  server = await startPostgresServer();
  const ms = Math.round(performance.now() - started);
  console.log(`PostgreSQL for the tests: started in ${ms} ms on port ${server.port}`);
  project.provide('postgresUrl', server.url);
}

export function teardown(): void {
  server?.destroy();
}
