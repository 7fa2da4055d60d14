import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RestFault } from './faults.js';
import { ApiError, errors, parseBody, readBody, sendJson, sendNoContent } from './http.js';
import type { RecordedRequest } from './records.js';
import { applicationRoutes } from './routes/application.js';
import { channelRoutes } from './routes/channels.js';
import { commandRoutes } from './routes/commands.js';
import { interactionRoutes } from './routes/interactions.js';
import { userRoutes } from './routes/users.js';
import type { Route, RouteAnswer } from './routes/route.js';
import type { EmulatorState } from './state.js';

const API_PREFIX = '/api/v10';
const ROUTES: Route[] = [
  ...applicationRoutes,
  ...channelRoutes,
  ...interactionRoutes,
  ...commandRoutes,
  ...userRoutes,
];
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** Answers one REST request: injected fault, else the route, else a recorded 404. */
export async function handleRest(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = decodePath(
    url.pathname.startsWith(`${API_PREFIX}/`)
      ? url.pathname.slice(API_PREFIX.length)
      : url.pathname,
  );
  const { json, files } = parseBody(await readBody(req), req.headers['content-type']);
  const record: RecordedRequest = {
    seq: state.requests.length + 1,
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    body: files.length > 0 ? { payload_json: json, files } : json,
    headers: publicHeaders(req),
    auth: authOf(req.headers.authorization, state.options.token),
    status: 0,
    fault: null,
    at: state.now(),
  };
  state.requests.push(record);

  const answer = (status: number): void => {
    record.status = status;
    state.changed();
  };

  const limited = takeGlobalSlot(state, record);
  if (limited !== null) {
    record.fault = 'global-rate-limit';
    sendGlobalLimit(res, limited);
    answer(429);
    return;
  }

  const fault = state.restFaults.take(method, path);
  if (fault?.kind === 'delay') {
    // Held, not failed: the route answers afterwards, and the record shows status 0 meanwhile.
    record.fault = fault.kind;
    await new Promise((resolve) => setTimeout(resolve, fault.ms));
  } else if (fault) {
    record.fault = fault.kind;
    sendFault(res, fault);
    answer(res.statusCode);
    return;
  }

  const known = url.pathname.startsWith(`${API_PREFIX}/`);
  const candidates = known ? ROUTES.filter((r) => r.pattern.test(path)) : [];
  const route = candidates.find((r) => r.method === method);
  if (!route) {
    state.unknownRoutes.push(record);
    const error =
      candidates.length > 0 ? new ApiError(405, 0, '405: Method Not Allowed') : errors.notFound();
    sendJson(res, error.status, error.body());
    answer(error.status);
    return;
  }

  try {
    if (route.auth === 'bot' && record.auth !== 'bot') throw errors.unauthorized();
    const params = (route.pattern.exec(path) ?? []).slice(1).map((p) => p ?? '');
    const body =
      json && typeof json === 'object' && !Array.isArray(json)
        ? (json as Record<string, unknown>)
        : {};
    const result: RouteAnswer = route.handle({
      state,
      params,
      body,
      rawBody: json,
      files,
      query: url.searchParams,
    });
    if (result.body === undefined) sendNoContent(res);
    else sendJson(res, result.status, result.body);
    answer(result.status);
  } catch (error) {
    if (error instanceof ApiError) {
      sendJson(res, error.status, error.body());
      answer(error.status);
      return;
    }
    state.internalErrors.push(
      `${method} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    sendJson(res, 500, { code: 0, message: '500: Emulator error' });
    answer(500);
  }
}

/**
 * The standing global limit: bot-authenticated requests per rolling second. Returns null when the
 * request may pass (and counts it), else the seconds until a slot frees. Interaction callbacks
 * and webhooks carry no bot token and are not counted, as Discord exempts them.
 */
function takeGlobalSlot(state: EmulatorState, record: RecordedRequest): number | null {
  const limit = state.options.globalRateLimit;
  if (!limit || record.auth !== 'bot') return null;
  const window = state.globalWindow;
  const now = record.at;
  while (window.length > 0 && window[0]! <= now - 1_000) window.shift();
  const stats = state.globalLimitStats;
  if (window.length >= limit.perSecond) {
    stats.limited += 1;
    return Math.max(0.001, (window[0]! + 1_000 - now) / 1_000);
  }
  window.push(now);
  stats.accepted += 1;
  const second = Math.floor(now / 1_000);
  for (let s = stats.acceptedPerSecond.length; s <= second; s += 1) stats.acceptedPerSecond.push(0);
  stats.acceptedPerSecond[second]! += 1;
  return null;
}

/** Discord's global 429: `X-RateLimit-Global`, scope `global`, `retry_after` in the body and header. */
function sendGlobalLimit(res: ServerResponse, retryAfterSeconds: number): void {
  const retryAfter = Number(retryAfterSeconds.toFixed(3));
  sendJson(
    res,
    429,
    { message: 'You are being rate limited.', retry_after: retryAfter, global: true, code: 0 },
    {
      'retry-after': String(retryAfter),
      'x-ratelimit-global': 'true',
      'x-ratelimit-scope': 'global',
    },
  );
}

function sendFault(res: ServerResponse, fault: Exclude<RestFault, { kind: 'delay' }>): void {
  switch (fault.kind) {
    case 'rate-limit': {
      const headers: Record<string, string> = {
        // discord.js reads only this header; the JSON retry_after is for completeness.
        'retry-after': String(fault.retryAfterSeconds),
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
        ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
      };
      sendJson(
        res,
        429,
        {
          message: 'You are being rate limited.',
          retry_after: fault.retryAfterSeconds,
          global: fault.global,
        },
        headers,
      );
      return;
    }
    case 'server-error':
      res.writeHead(fault.status, { 'content-type': 'text/plain' });
      res.end('upstream error (injected)');
      return;
    case 'api-error':
      sendJson(res, fault.status, { code: fault.code, message: fault.message });
      return;
  }
}

/** Decodes each segment, so `%40original` matches `@original`; a malformed one stays as sent. */
function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function authOf(header: string | undefined, token: string): RecordedRequest['auth'] {
  if (!header) return 'none';
  return header === `Bot ${token}` ? 'bot' : 'wrong-token';
}

function publicHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !SECRET_HEADERS.has(name))
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
