/**
 * A store call's outcome as a value (issue 14): what it returned, or that it failed. A command
 * maps a failed read to "nothing was changed" and a failed write to "not saved, try again",
 * instead of letting the error reach the router's generic apology after the change may have
 * taken effect in memory.
 */
export type StoreAttempt<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown };

/** Runs one store call and returns its outcome; never throws. */
export async function attemptStore<T>(call: () => Promise<T>): Promise<StoreAttempt<T>> {
  try {
    return { kind: 'done', value: await call() };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
