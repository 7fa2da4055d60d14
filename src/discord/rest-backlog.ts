import { RESTEvents, type REST } from 'discord.js';
import type { Poster } from '../schedule/runner.js';

/**
 * The posts a burst has handed to discord.js and not yet seen answered. discord.js's REST queues
 * are private, so the poster is wrapped instead: a post counts from the call until its answer,
 * which includes every wait in discord.js's own limiter and every retried 429. At 09:00 this is
 * the number to watch: it stays at the runner's concurrency while the burst drains, and a value
 * stuck there long after means the global limit, not the bot, sets the pace.
 */
export function countPendingPosts(poster: Poster): { poster: Poster; pending(): number } {
  let pending = 0;
  const counted =
    <A extends unknown[], R>(send: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      pending += 1;
      try {
        return await send(...args);
      } finally {
        pending -= 1;
      }
    };
  return {
    poster: {
      post: counted(poster.post.bind(poster)),
      openThread: counted(poster.openThread.bind(poster)),
      classify: poster.classify.bind(poster),
    },
    pending: () => pending,
  };
}

/** Calls `onLimited(scope)` for every 429 Discord answers (discord.js retries them quietly). */
export function watchRateLimited(rest: Pick<REST, 'on'>, onLimited: (scope: string) => void): void {
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status !== 429) return;
    const scope = response.headers.has('x-ratelimit-global')
      ? 'global'
      : (response.headers.get('x-ratelimit-scope') ?? 'user');
    onLimited(scope);
  });
}
