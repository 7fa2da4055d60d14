import type { Config } from '../config.js';
import { exitWith } from '../env.js';
import type { Logger } from '../log.js';
import { startOpsServer, type OpsServer, type OpsServerDeps } from './http.js';

/**
 * The ops endpoint when HTTP_PORT is set, else none. A port that cannot be had (taken, or
 * privileged) ends the start with one line: a probe pointed at it would fail silently otherwise.
 */
export async function serveOpsIfConfigured(
  config: Pick<Config, 'HTTP_PORT' | 'HTTP_HOST'>,
  deps: Omit<OpsServerDeps, 'port' | 'host'>,
  log: Pick<Logger, 'info'>,
): Promise<OpsServer | null> {
  if (config.HTTP_PORT === undefined) return null;
  try {
    const server = await startOpsServer({
      ...deps,
      port: config.HTTP_PORT,
      host: config.HTTP_HOST,
    });
    log.info(
      { event: 'ops-listening', host: config.HTTP_HOST, port: server.port },
      `ops endpoint on http://${config.HTTP_HOST}:${server.port} (/healthz, /readyz, /metrics)`,
    );
    return server;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return exitWith([
      `Cannot start: the ops endpoint cannot listen on ${config.HTTP_HOST}:${config.HTTP_PORT} (${code}). Choose another HTTP_PORT, or unset it.`,
    ]);
  }
}
