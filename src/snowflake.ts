import { z } from 'zod';

/**
 * A Discord id (a snowflake) as text: 17 to 20 digits. Ids from 2015 on have at least 17; a
 * 64-bit one has at most 20. The one pattern every check (config, store, commands, preview) uses.
 */
export const SNOWFLAKE_DIGITS = String.raw`\d{17,20}`;
export const SNOWFLAKE_PATTERN = new RegExp(`^${SNOWFLAKE_DIGITS}$`);

/** What a check says of a value that is no Discord id: the config, the store and the invite say it alike. */
export const SNOWFLAKE_MESSAGE = 'must be a Discord id (17–20 digits)';

/** Whether `value` is a Discord id as text. */
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && SNOWFLAKE_PATTERN.test(value);
}

/** The same check as a zod schema, for the config's and the store's schemas. */
export const snowflake = z.string().regex(SNOWFLAKE_PATTERN, SNOWFLAKE_MESSAGE);
