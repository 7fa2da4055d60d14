/**
 * Injected failures. Each one is bounded by a count and used up as it fires: discord.js retries
 * 429s without counting them against its retries, so a fault that never ends would hang a test.
 */

export type RestFault =
  /** 429 with a `Retry-After` header (seconds, fractions allowed: discord.js multiplies by 1000). */
  | { kind: 'rate-limit'; retryAfterSeconds: number; global: boolean }
  /** A 5xx with no Discord error body; discord.js retries these up to `rest.retries` (3). */
  | { kind: 'server-error'; status: number }
  /** A Discord JSON error, e.g. 403/50013 Missing Permissions or 404/10003 Unknown Channel. */
  | { kind: 'api-error'; status: number; code: number; message: string }
  /** Holds the request this long, then answers it as usual: a request in flight, for a test to act in. */
  | { kind: 'delay'; ms: number };

export interface RequestMatcher {
  method?: string;
  /** Exact path under `/api/v10` (e.g. `/channels/123/messages`) or a pattern. Absent: any path. */
  path?: string | RegExp;
}

export interface RestFaultRule {
  readonly fault: RestFault;
  readonly match: RequestMatcher;
  /** How many more matching requests this rule will answer. */
  remaining: number;
  /** How many it has answered. */
  fired: number;
}

/** A ceiling on any count, so that a typo cannot make a fault effectively permanent. */
export const MAX_FAULT_COUNT = 1_000;

/** A ceiling on a delay: longer than discord.js's 15 s request timeout would only turn it into an abort. */
export const MAX_DELAY_MS = 10_000;

export function checkDelay(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_DELAY_MS) {
    throw new RangeError(`delay must be from 0 to ${MAX_DELAY_MS} ms, got ${ms}`);
  }
  return ms;
}

export function checkCount(count: number): number {
  if (!Number.isInteger(count) || count < 1 || count > MAX_FAULT_COUNT) {
    throw new RangeError(
      `fault count must be an integer from 1 to ${MAX_FAULT_COUNT}, got ${count}`,
    );
  }
  return count;
}

export class RestFaults {
  readonly rules: RestFaultRule[] = [];

  add(fault: RestFault, match: RequestMatcher, count: number): RestFaultRule {
    const rule: RestFaultRule = { fault, match, remaining: checkCount(count), fired: 0 };
    this.rules.push(rule);
    return rule;
  }

  /** The first live rule matching the request, used up by one; undefined if none. */
  take(method: string, path: string): RestFault | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.match, method, path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    rule.fired += 1;
    return rule.fault;
  }

  clear(): void {
    for (const rule of this.rules) rule.remaining = 0;
  }
}

function matches(match: RequestMatcher, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

/** Gateway faults that wait for the client to do something (the immediate ones live in gateway.ts). */
export class GatewayFaults {
  #acksToWithhold = 0;

  withholdAcks(count: number): void {
    this.#acksToWithhold += checkCount(count);
  }

  /** True if this heartbeat's ACK should be withheld; uses one up. */
  takeWithheldAck(): boolean {
    if (this.#acksToWithhold === 0) return false;
    this.#acksToWithhold -= 1;
    return true;
  }

  get pendingWithheldAcks(): number {
    return this.#acksToWithhold;
  }
}
