import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startOpsServer, type OpsServer } from '../../src/ops/http.js';
import { createMetrics, type GatewayState } from '../../src/ops/metrics.js';
import { isStoreFileWritable } from '../../src/ops/store-health.js';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Inputs a test flips between requests, as the gateway and the store change under a live bot. */
function world() {
  return {
    gateway: 'connecting' as GatewayState,
    store: (): Promise<boolean> => Promise.resolve(true),
  };
}

async function serve(state: ReturnType<typeof world>, storeCheckTimeoutMs = 2000) {
  const metrics = createMetrics({ processMetrics: false });
  metrics.watchGateway(() => state.gateway);
  server = await startOpsServer({
    port: 0,
    host: '127.0.0.1',
    metrics,
    gatewayReady: () => state.gateway === 'ready',
    storeHealthy: () => state.store(),
    storeCheckTimeoutMs,
  });
  const base = `http://127.0.0.1:${server.port}`;
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(base + path, init);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };
  return { metrics, get };
}

describe('the ops endpoint over real HTTP', () => {
  test('GIVEN a live process THEN /healthz is 200 whatever the gateway and store say', async () => {
    const state = world();
    state.store = () => Promise.resolve(false);
    const { get } = await serve(state);
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
  });

  test('GIVEN the gateway, then the store, changing THEN /readyz follows both', async () => {
    const state = world();
    const { get } = await serve(state);

    let ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({ ready: false, gateway: false, store: true });

    state.gateway = 'ready';
    ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ready: true, gateway: true, store: true });

    state.store = () => Promise.resolve(false);
    ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ gateway: true, store: false });

    state.store = () => Promise.reject(new Error('connection refused'));
    expect((await get('/readyz')).status).toBe(503);

    state.store = () => Promise.resolve(true);
    state.gateway = 'reconnecting';
    expect((await get('/readyz')).status).toBe(503);
    state.gateway = 'ready';
    expect((await get('/readyz')).status).toBe(200);
  });

  test('GIVEN a store check that hangs THEN /readyz answers 503 within the timeout', async () => {
    const state = world();
    state.gateway = 'ready';
    state.store = () => new Promise<boolean>(() => undefined);
    const { get } = await serve(state, 100);
    const started = performance.now();
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ store: false });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  test('GIVEN events recorded THEN /metrics has them in Prometheus text', async () => {
    const state = world();
    const { metrics, get } = await serve(state);
    const before = await get('/metrics');
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(before.text).toContain('bot_posts_total{kind="digest",outcome="posted"} 0');
    expect(before.text).toContain('bot_gateway_state{state="connecting"} 1');
    expect(before.text).not.toContain('bot_interactions_total{');

    metrics.recordInteraction('command', 'agreement', 'ok', 0.012);
    metrics.recordInteraction('command', 'agreement', 'ok', 0.3);
    metrics.recordInteraction('command', 'schedule', 'failed', 0.02);
    metrics.recordPost('anniversary', 'posted');
    metrics.recordPost('prompt', 'blocked');
    metrics.recordClaim('claimed');
    metrics.recordClaim('held');
    metrics.recordClaim('held');
    metrics.recordStoreError('ledger.claim');
    state.gateway = 'ready';

    const after = (await get('/metrics')).text;
    expect(after).toContain(
      'bot_interactions_total{kind="command",command="agreement",outcome="ok"} 2',
    );
    expect(after).toContain(
      'bot_interactions_total{kind="command",command="schedule",outcome="failed"} 1',
    );
    expect(after).toContain(
      'bot_interaction_reply_seconds_bucket{le="0.025",kind="command",command="agreement"} 1',
    );
    expect(after).toContain(
      'bot_interaction_reply_seconds_count{kind="command",command="agreement"} 2',
    );
    expect(after).toContain('bot_posts_total{kind="anniversary",outcome="posted"} 1');
    expect(after).toContain('bot_posts_total{kind="prompt",outcome="blocked"} 1');
    expect(after).toContain('bot_ledger_claims_total{result="held"} 2');
    expect(after).toContain('bot_ledger_claims_total{result="settled"} 0');
    expect(after).toContain('bot_store_errors_total{op="ledger.claim"} 1');
    expect(after).toContain('bot_gateway_state{state="ready"} 1');
    expect(after).toContain('bot_gateway_state{state="connecting"} 0');
  });

  test('GIVEN the session budget read, then changing THEN /metrics shows the starts left', async () => {
    const { metrics, get } = await serve(world());
    let remaining = 987;
    metrics.watchSessionStarts(() => remaining);
    expect((await get('/metrics')).text).toMatch(/^bot_gateway_session_starts_remaining 987$/m);
    remaining = 986;
    expect((await get('/metrics')).text).toMatch(/^bot_gateway_session_starts_remaining 986$/m);
  });

  test('GIVEN the process metrics on THEN Node’s own series are there too', async () => {
    const metrics = createMetrics();
    expect(await metrics.render()).toContain('process_cpu_seconds_total');
  });

  test.each([
    ['an unknown path', '/', 'GET', 404],
    ['a POST', '/healthz', 'POST', 405],
  ])('GIVEN %s (%s %s) THEN %i', async (_, path, method, status) => {
    const { get } = await serve(world());
    expect((await get(path, { method })).status).toBe(status);
  });

  test('GIVEN the port is taken THEN starting a second server fails instead of hanging', async () => {
    await serve(world());
    const taken = server!.port;
    const metrics = createMetrics({ processMetrics: false });
    await expect(
      startOpsServer({
        port: taken,
        host: '127.0.0.1',
        metrics,
        gatewayReady: () => true,
        storeHealthy: () => Promise.resolve(true),
      }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('the JSON store file check', () => {
  test('GIVEN a writable folder THEN healthy, with or without the file yet', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ops-store-'));
    expect(await isStoreFileWritable(join(folder, 'store.json'))).toBe(true);
  });

  test('GIVEN a folder that does not exist THEN not healthy', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ops-store-'));
    expect(await isStoreFileWritable(join(folder, 'gone', 'store.json'))).toBe(false);
  });
});
