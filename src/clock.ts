/**
 * The bot's clock: the real one, or (for end-to-end tests) one that starts at a given instant and
 * runs on at real speed. Everything that needs the time gets this function, never `new Date()`.
 */
export function clockFrom(start: string | undefined, realNow: () => number = Date.now): () => Date {
  if (!start) return () => new Date(realNow());
  const offset = Date.parse(start) - realNow();
  return () => new Date(realNow() + offset);
}
