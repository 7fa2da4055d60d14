import { z } from 'zod';
import {
  guildSettingsSchema,
  isoInstant,
  postKindSchema,
  postStatusSchema,
  snowflake,
} from '../domain.js';

/** The version this code writes. Older files are migrated forward on open (see migrate.ts). */
export const STORE_VERSION = 2;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const postLogEntrySchema = z.strictObject({
  guildId: snowflake,
  kind: postKindSchema,
  /** `anniversary:2026-02-16`, `digest:2026-W07`, `prompt:2026-02-16`: unique per guild. */
  key: z.string().min(1).max(64),
  /** The server's local date the post belongs to. */
  localDate: isoDate,
  status: postStatusSchema,
  /** The Discord message id when posted. */
  messageId: snowflake.nullable(),
  at: isoInstant,
  /** Why it was skipped or failed; null when posted. */
  reason: z.string().max(500).nullable(),
});
export type PostLogEntry = z.infer<typeof postLogEntrySchema>;

export const storeFileSchema = z.strictObject({
  version: z.literal(STORE_VERSION),
  guilds: z.record(snowflake, guildSettingsSchema),
  posts: z.array(postLogEntrySchema),
});
export type StoreFile = z.infer<typeof storeFileSchema>;

export function emptyStoreFile(): StoreFile {
  return { version: STORE_VERSION, guilds: {}, posts: [] };
}
