/**
 * How the PostgreSQL backend fails. A database that is away (refused, restarting, timed out) is a
 * passing condition the caller can answer with "try again shortly"; anything else (a constraint
 * broken, bad SQL) is a bug and is rethrown as it came.
 */

/** The database did not answer: the call did nothing, or its effect is unknown; retry later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A row read back that breaks the schema (edited by hand, or written by a newer version). */
export class StoreRowError extends Error {
  override readonly name = 'StoreRowError';
}

/**
 * SQLSTATE classes that mean "the server is away or overloaded", not "the query is wrong":
 * 08 connection exceptions, 53 insufficient resources (too many connections), 57 operator
 * intervention (admin shutdown, cannot connect now, statement timeout), 58 system errors.
 */
const PASSING_CLASSES = new Set(['08', '53', '57', '58']);

function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** True when `error` says the database is unreachable now rather than that the call was wrong. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  const state = sqlState(error);
  // pg's own failures (refused, reset, "Connection terminated", "timeout exceeded when trying to
  // connect", "Query read timeout") carry a Node code such as ECONNREFUSED or none at all.
  if (state === null) return error instanceof Error;
  return PASSING_CLASSES.has(state.slice(0, 2));
}

/** The error a caller sees: StoreUnavailableError for an absent database, else `error` as is. */
export function toStoreError(error: unknown, doing: string): unknown {
  if (!isUnavailable(error) || error instanceof StoreUnavailableError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`PostgreSQL unavailable while ${doing}: ${detail}`, {
    cause: error,
  });
}
