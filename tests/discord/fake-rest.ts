import { DiscordAPIError, type REST } from 'discord.js';

/**
 * A stand-in for discord.js's REST client with only `get` and `post`: each call is recorded, and
 * answered by the first scripted answer for its route (a value, or an error to throw), else 404.
 */
export interface FakeCall {
  method: 'GET' | 'POST';
  route: string;
  body: unknown;
}

type Answer = { value: unknown } | { error: unknown };

export function fakeRest() {
  const calls: FakeCall[] = [];
  const script = new Map<string, Answer[]>();
  const answer = (method: FakeCall['method'], route: string, body: unknown) => {
    calls.push({ method, route, body });
    const next = script.get(`${method} ${route}`)?.shift();
    if (!next) return Promise.reject(apiError(0, 404, '404: Not Found', route));
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as scripted: a test may throw a non-Error, as the network can
    return 'error' in next ? Promise.reject(next.error) : Promise.resolve(next.value);
  };
  return {
    calls,
    /** The next call of `method route` answers `value`. */
    answers(method: FakeCall['method'], route: string, value: unknown) {
      script.set(`${method} ${route}`, [...(script.get(`${method} ${route}`) ?? []), { value }]);
      return this;
    },
    /** The next call of `method route` throws `error`. */
    fails(method: FakeCall['method'], route: string, error: unknown) {
      script.set(`${method} ${route}`, [...(script.get(`${method} ${route}`) ?? []), { error }]);
      return this;
    },
    rest: {
      get: (route) => answer('GET', route, undefined),
      post: (route, options) => answer('POST', route, options?.body),
    } satisfies Pick<REST, 'get' | 'post'>,
  };
}

/** The error discord.js's REST really throws for a Discord error answer, with its own class. */
export function apiError(code: number, status: number, message: string, route = '/x') {
  return new DiscordAPIError(
    { code, message },
    code,
    status,
    'POST',
    `https://discord.com/api/v10${route}`,
    { body: {} },
  );
}
