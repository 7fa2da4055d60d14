import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.js';

/** A readiness probe that hangs is a failed probe: past this, the store counts as unreachable. */
export const STORE_CHECK_TIMEOUT_MS = 2000;

export interface OpsServerDeps {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  metrics: Pick<Metrics, 'render' | 'contentType'>;
  /** True while the gateway is connected and every shard ready. */
  gatewayReady: () => boolean;
  /** A cheap round trip to the store (the ports' `healthy()`); may be slow, may throw. */
  storeHealthy: () => Promise<boolean>;
  storeCheckTimeoutMs?: number;
}

export interface OpsServer {
  /** The port it listens on (the chosen one when asked for 0). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The operator's endpoint: `/healthz` (the process answers), `/readyz` (the gateway is ready and
 * the store answers: 200, else 503, with both parts in the body) and `/metrics` (Prometheus).
 * Nothing in it is secret, but it is meant for a private network: it listens on HTTP_HOST.
 */
export async function startOpsServer(deps: OpsServerDeps): Promise<OpsServer> {
  const timeoutMs = deps.storeCheckTimeoutMs ?? STORE_CHECK_TIMEOUT_MS;
  const server = createServer((request, response) => {
    answer(request, response, deps, timeoutMs).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain', 'error\n');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Scrapers keep connections alive; they must not hold up a shutdown.
        server.closeIdleConnections();
      }),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  deps: OpsServerDeps,
  timeoutMs: number,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'text/plain', 'method not allowed\n');
    return;
  }
  switch (path) {
    case '/healthz':
      send(response, 200, 'application/json', JSON.stringify({ status: 'ok' }));
      return;
    case '/readyz': {
      const gateway = deps.gatewayReady();
      const store = await checkWithin(deps.storeHealthy, timeoutMs);
      const ready = gateway && store;
      send(
        response,
        ready ? 200 : 503,
        'application/json',
        JSON.stringify({ ready, gateway, store }),
      );
      return;
    }
    case '/metrics':
      send(response, 200, deps.metrics.contentType, await deps.metrics.render());
      return;
    default:
      send(response, 404, 'text/plain', 'not found: try /healthz, /readyz or /metrics\n');
  }
}

/** The check's answer, or false when it throws or takes longer than `timeoutMs`. */
async function checkWithin(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check().then((ok) => ok === true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}
