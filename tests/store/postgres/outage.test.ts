import { describe, expect, test } from 'vitest';
import { StoreUnavailableError } from '../../../src/store/postgres/index.js';
import {
  claimFor,
  GUILD,
  guildId,
  noPostgres,
  openOn,
  settingsFor,
  useOwnServer,
} from './harness.js';

/** Its own server, since this file stops and starts it: the run's shared one stays up. */
describe.skipIf(noPostgres)('PostgreSQL stopped mid-operation and started again', () => {
  const own = useOwnServer();

  test('GIVEN writes in flight WHEN the server stops THEN calls fail with StoreUnavailableError, healthy() turns false, then true, and nothing is lost or half-written', async () => {
    const { server, store } = own;
    const ids = Array.from({ length: 40 }, (_, i) => guildId(500 + i));
    for (const id of ids.slice(0, 20)) await store.settings.put(id, settingsFor(), null);
    await store.ledger.claim(claimFor(GUILD, 'prompt:before', 'a'));
    expect(await store.healthy()).toBe(true);

    // A stream of writes, and the server stopped while it runs.
    const outcomes: ('ok' | 'unavailable' | 'other')[] = [];
    const writes = (async () => {
      for (const id of ids.slice(20)) {
        try {
          await store.settings.put(id, settingsFor({ hour: 10 }), null);
          await store.ledger.claim(claimFor(id, 'prompt:during', 'a'));
          outcomes.push('ok');
        } catch (error) {
          outcomes.push(error instanceof StoreUnavailableError ? 'unavailable' : 'other');
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 30));
    server.stop();
    await writes;
    expect(outcomes).not.toContain('other');
    expect(outcomes).toContain('unavailable'); // the stop did land mid-stream

    await expect(store.settings.get(GUILD)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.settings.getMany(ids)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.ledger.claim(claimFor(GUILD, 'prompt:down', 'a'))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(await store.healthy()).toBe(false);

    server.start();
    // The pool makes new connections by itself: no reopen.
    let healthy = false;
    for (let i = 0; i < 50 && !healthy; i += 1) {
      healthy = await store.healthy();
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);

    const after = await store.settings.getMany(ids);
    for (const id of ids.slice(0, 20)) expect(after.get(id)?.value.hour).toBe(9);
    // Each write during the outage either happened whole or not at all: a guild whose settings
    // went in may or may not have its claim, but nothing is left in between on the row itself.
    for (const id of ids.slice(20)) {
      const value = after.get(id)?.value;
      if (value) expect(value.hour).toBe(10);
    }
    const claims = await store.ledger.settledKeys(ids.slice(20));
    for (const [id, keys] of claims) {
      expect(after.has(id)).toBe(true);
      expect([...keys]).toEqual(['prompt:during']);
    }
    expect((await store.ledger.claim(claimFor(GUILD, 'prompt:before', 'b'))).kind).toBe('held');
    expect((await store.ledger.claim(claimFor(GUILD, 'prompt:down', 'a'))).kind).toBe('claimed');
  }, 60_000);

  test('GIVEN no server at the URL WHEN the store is opened THEN it fails with StoreUnavailableError', async () => {
    const { server } = own;
    const url = server.url.replace(`:${server.port}/`, ':1/');
    await expect(openOn(url, { connectTimeoutMs: 500 })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });
});
