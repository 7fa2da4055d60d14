import { z } from 'zod';

/**
 * The text formats the data files, the store and the search share, each checked once here so that
 * a file and the store cannot disagree on what a date or an id is. (A Discord id: snowflake.ts.)
 */

/** A calendar date, `YYYY-MM-DD`, that exists: 2024-02-29 passes, 2023-02-29 and 2024-02-30 do not. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  // Date.parse rolls 2024-02-30 over to 1 March; only a round trip proves the day exists.
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, 'must be a real date');

/** An id made of lowercase words joined by single hyphens: `ukraine-uk`, `air-defence`. */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug');
