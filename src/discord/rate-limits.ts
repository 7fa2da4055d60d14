import { RESTEvents, type REST } from 'discord.js';
import type { Logger } from '../log.js';

/**
 * The `event` field of the two kinds of rate-limit log line, so that alerting can tell them apart:
 * only the first means Discord refused a request.
 */
export const RATE_LIMIT_EVENT = {
  /** Discord answered 429 Too Many Requests. */
  discord: 'discord-rate-limited',
  /** discord.js held a request back itself, before sending it; Discord refused nothing. */
  clientWait: 'client-rate-limit-wait',
} as const;

/**
 * Logs Discord's 429s and discord.js's own waits apart. discord.js's `rateLimited` event fires
 * only when its limiter holds a request before sending it: its own 50-per-second cap, or a bucket
 * Discord's headers said is used up. It never fires for a 429 itself, which discord.js only retries
 * quietly. Logging that event as "rate limited" made 152 warnings in a 1,000-post tick (issue 15) in which
 * Discord sent no 429. So a 429 is read from the responses, and the waits are logged at debug:
 * they are the client keeping within the limits, with nothing for an operator to act on.
 */
export function logRateLimits(rest: Pick<REST, 'on'>, log: Logger): void {
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    const retryAfter = Number(response.headers.get('retry-after'));
    log.warn(
      {
        event: RATE_LIMIT_EVENT.discord,
        method: request.method.toUpperCase(),
        route: request.route,
        retryAfterMs: Number.isFinite(retryAfter) ? Math.round(retryAfter * 1000) : null,
        global: response.headers.has('x-ratelimit-global'),
        // "user": this bot's limit; "shared": a resource's (does not count against the bot).
        scope: response.headers.get('x-ratelimit-scope') ?? 'user',
      },
      'Discord rate limited a request (429); discord.js retries it after the wait',
    );
  });
  rest.on(RESTEvents.RateLimited, (info) => {
    log.debug(
      {
        event: RATE_LIMIT_EVENT.clientWait,
        method: info.method.toUpperCase(),
        route: info.route,
        waitMs: Math.max(0, Math.round(info.timeToReset)),
        global: info.global,
        limit: Number.isFinite(info.limit) ? info.limit : null,
      },
      'discord.js is holding a request to stay within the rate limits (no 429 from Discord)',
    );
  });
}
