import { z } from 'zod';
import { snowflake } from '../snowflake.js';

/**
 * The schedule's domain: a server's settings and the kinds of post. Both store backends (the JSON
 * file and PostgreSQL) read and write these shapes; neither owns them.
 */

export const isoInstant = z.iso.datetime({ offset: true });

export const blockedSchema = z.strictObject({
  /**
   * The Discord error code (10003, 50001, 50013…), null when it was not a Discord error. The
   * reply words it in the reader's language (`blockedReason` in i18n), so the code is the fact.
   */
  code: z.number().int().nullable(),
  /**
   * English prose, as rows have stored it so far; shown only where the code has no wording.
   * Optional so a row that stores the code alone reads too.
   */
  reason: z.string().min(1).max(500).optional(),
  since: isoInstant,
});

export const promptCadenceSchema = z.enum(['daily', 'weekly', 'off']);
export type PromptCadence = z.infer<typeof promptCadenceSchema>;

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export const weekdaySchema = z.number().int().min(1).max(7);

export const changesOptInSchema = z.strictObject({ since: isoInstant });
export type ChangesOptIn = z.infer<typeof changesOptInSchema>;

export const guildSettingsSchema = z.strictObject({
  channelId: snowflake,
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
  /** The IANA name the admin chose, kept as chosen; checked by use when it is set. */
  timeZone: z.string().min(1).max(64),
  paused: z.boolean(),
  blocked: blockedSchema.nullable(),
  anniversaries: z.boolean(),
  digest: z.strictObject({ enabled: z.boolean(), weekday: weekdaySchema }),
  prompts: promptCadenceSchema,
  pingRoleId: snowflake.nullable(),
  /**
   * The language posts are written in: `en` or `uk`, taken from the server's preferred locale at
   * setup and changed with `/schedule set language`. Null (servers set up before it existed)
   * means English.
   */
  language: z.string().min(2).max(10).nullable(),
  /** Prompt ids this server has seen in the current round of the bank. */
  promptsSeen: z.array(z.string()),
  /**
   * Posts that came due before this instant are neither posted nor reported missed: set it on
   * setup, resume and unblock, so a server is not flooded with what came due while it was off.
   */
  activeSince: isoInstant,
  // Suggestions and admin tools (issue 13): optional, so settings stored before them still load
  // and code that builds settings without them still compiles; absent means the default.
  /**
   * Ledger keys (`prompt:2026-W07`) an admin chose to skip with `/schedule skip`: the runner
   * settles each as skipped instead of posting it. A key names one post, so a skip acts once.
   */
  skipKeys: z.array(z.string().min(1).max(64)).max(10).optional(),
  /** Where each new member suggestion is shown to admins; absent or null: nowhere but the queue. */
  suggestionsChannelId: snowflake.nullable().optional(),
  /** Whether members' suggestions may contain links (absent: no, until an admin allows them). */
  suggestionLinks: z.boolean().optional(),
  /**
   * Data-change announcements (issue 12): present when the server opted in with `/schedule set
   * changes:True`, `since` being when. Changes dated before that day are never announced. Absent
   * (servers set up before it existed) or null (turned off) means no announcements, so older
   * files and rows stay valid without a migration.
   */
  changes: changesOptInSchema.nullable().optional(),
});
export type GuildSettings = z.infer<typeof guildSettingsSchema>;

/** `change`: a data-change announcement, one per changelog entry (issue 12). */
export const postKindSchema = z.enum(['anniversary', 'digest', 'prompt', 'change']);
export type PostKind = z.infer<typeof postKindSchema>;

export const postStatusSchema = z.enum(['posted', 'skipped', 'failed']);
export type PostStatus = z.infer<typeof postStatusSchema>;

/** A thread to open on a posted message (Discord's start-thread body). */
export const pendingThreadSchema = z.strictObject({
  name: z.string().min(1).max(100),
  auto_archive_duration: z.union([z.literal(1440), z.literal(10080)]),
});
export type PendingThread = z.infer<typeof pendingThreadSchema>;
