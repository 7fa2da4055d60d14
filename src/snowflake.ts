/**
 * A Discord id (a snowflake) as text: 17 to 20 digits. Ids from 2015 on have at least 17; a
 * 64-bit one has at most 20. The one pattern every check (config, store, commands, preview) uses.
 */
export const SNOWFLAKE_PATTERN = /^\d{17,20}$/;

/** Whether `value` is a Discord id as text. */
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && SNOWFLAKE_PATTERN.test(value);
}
