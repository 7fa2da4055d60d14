import { beforeAll, describe } from 'vitest';
import { describeCommunityContract } from '../community-contract.js';
import { describeStoreContract } from '../contract.js';
import { freshDatabase, noPostgres, openOn } from './harness.js';

/**
 * The contract every backend keeps, against a real PostgreSQL server. Each test opens its own
 * store (a pool) on this file's database; the suite's guild ids are fresh per test.
 */
describe.skipIf(noPostgres)('PostgreSQL', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase('contract');
  });
  describeStoreContract('postgres', () => openOn(url));
  describeCommunityContract('postgres', () => openOn(url));
});
