import { z } from 'zod';
import { isoDate } from '../primitives.js';
import { snowflake } from '../snowflake.js';
import { communityFrameShape, emptyCommunityFile, type CommunityFile } from './community-file.js';
import {
  guildSettingsSchema,
  isoInstant,
  pendingThreadSchema,
  postKindSchema,
  type GuildSettings,
} from './domain.js';
import type { SuggestionFile } from './suggestions.js';

/** The version this code writes. Older files are migrated forward on open (see migrate.ts). */
export const STORE_VERSION = 3;

/** A ledger entry as the JSON file keeps it: the port's LedgerEntry with instants as ISO text. */
export const ledgerEntryFileSchema = z.strictObject({
  guildId: snowflake,
  /** `anniversary:2026-02-16`, `digest:2026-W07`, `prompt:2026-02-16`: unique per guild. */
  key: z.string().min(1).max(64),
  kind: postKindSchema,
  localDate: isoDate,
  state: z.enum(['claimed', 'posted', 'skipped', 'failed']),
  owner: z.string().min(1).max(200).nullable(),
  nonce: z.string().min(1).max(25),
  attempts: z.number().int().min(0),
  firstClaimedAt: isoInstant.nullable(),
  leaseUntil: isoInstant.nullable(),
  messageId: snowflake.nullable(),
  reason: z.string().max(500).nullable(),
  pendingThread: pendingThreadSchema.nullable(),
  at: isoInstant,
});
export type LedgerEntryFile = z.infer<typeof ledgerEntryFileSchema>;

export const noticeFileSchema = z.strictObject({
  kind: z.literal('settings-quarantined'),
  at: isoInstant,
});
export type NoticeFile = z.infer<typeof noticeFileSchema>;

/**
 * The file's frame. The entries inside are checked one by one (see decode.ts), so one server's
 * broken entry is set aside on its own instead of costing every server its settings.
 */
export const storeFrameSchema = z.strictObject({
  version: z.literal(STORE_VERSION),
  guilds: z.record(z.string(), z.unknown()),
  /** Each guild's settings version, for conditional writes; 1 where missing. */
  versions: z.record(z.string(), z.number().int().min(1)),
  ledger: z.array(z.unknown()),
  notices: z.record(z.string(), z.unknown()),
  // Community (issue 13): optional, so files written before them load unchanged.
  ...communityFrameShape,
  /** Members' prompt suggestions; files from before they existed have none. */
  suggestions: z.array(z.unknown()).default([]),
});

/** A whole file, every entry checked. */
export interface StoreFile extends CommunityFile {
  version: typeof STORE_VERSION;
  guilds: Record<string, GuildSettings>;
  versions: Record<string, number>;
  ledger: LedgerEntryFile[];
  notices: Record<string, NoticeFile>;
  suggestions: SuggestionFile[];
}

export const guildEntrySchema = guildSettingsSchema;
export const guildIdSchema = snowflake;

export function emptyStoreFile(): StoreFile {
  return {
    version: STORE_VERSION,
    guilds: {},
    versions: {},
    ledger: [],
    notices: {},
    ...emptyCommunityFile(),
    suggestions: [],
  };
}
