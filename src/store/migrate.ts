import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { STORE_VERSION } from './schema.js';
import { SNOWFLAKE_PATTERN } from '../snowflake.js';

/** Why a store file could not be read. Every kind means: keep the file aside, never overwrite it. */
export class StoreDecodeError extends Error {
  constructor(
    readonly kind: 'not-json' | 'no-version' | 'future-version' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'StoreDecodeError';
  }
}

/**
 * Version 1, as the first release wrote it: the time as one "HH:MM" string, the digest as a flag
 * with its weekday beside it, posts keyed by local date alone.
 */
const v1Schema = z.object({
  version: z.literal(1),
  guilds: z.record(
    z.string(),
    z.object({
      channelId: z.string(),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      timeZone: z.string(),
      paused: z.boolean(),
      blocked: z
        .object({ reason: z.string(), code: z.number().int().nullable(), since: z.string() })
        .nullable(),
      anniversaries: z.boolean(),
      digest: z.boolean(),
      digestWeekday: z.number().int().min(1).max(7),
      prompts: z.enum(['daily', 'weekly', 'off']),
      pingRoleId: z.string().nullable(),
      promptsSeen: z.array(z.string()),
    }),
  ),
  posts: z.array(
    z.object({
      guildId: z.string(),
      kind: z.enum(['anniversary', 'digest', 'prompt']),
      localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      status: z.enum(['posted', 'skipped', 'failed']),
      messageId: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

/**
 * The ISO week key as v2 writes it. A copy of due.ts's on purpose: a migration is frozen with the
 * format it converts to, and must not change if the runner's keys one day do.
 */
function isoWeek(localDate: string): string {
  const date = DateTime.fromISO(localDate, { zone: 'UTC' });
  return `${date.weekYear}-W${String(date.weekNumber).padStart(2, '0')}`;
}

function v1ToV2(raw: unknown): unknown {
  const v1 = v1Schema.parse(raw);
  const guilds = Object.fromEntries(
    Object.entries(v1.guilds).map(([id, g]) => {
      const [hour, minute] = g.time.split(':').map(Number);
      return [
        id,
        {
          channelId: g.channelId,
          hour,
          minute,
          timeZone: g.timeZone,
          paused: g.paused,
          blocked: g.blocked,
          anniversaries: g.anniversaries,
          digest: { enabled: g.digest, weekday: g.digestWeekday },
          prompts: g.prompts,
          pingRoleId: g.pingRoleId,
          language: null,
          promptsSeen: g.promptsSeen,
          // v1 kept no such instant; the post log and the grace window still stop duplicates.
          activeSince: '1970-01-01T00:00:00.000Z',
        },
      ];
    }),
  );
  // v1 posted weekly kinds (the digest, prompts where weekly) once per week too; v2 says so in
  // the key. A date key on a weekly prompt would leave its week open, to be posted again.
  const weekly = (p: (typeof v1.posts)[number]) =>
    p.kind === 'digest' || (p.kind === 'prompt' && v1.guilds[p.guildId]?.prompts === 'weekly');
  const posts = v1.posts.map((p) => ({
    guildId: p.guildId,
    kind: p.kind,
    key: `${p.kind}:${weekly(p) ? isoWeek(p.localDate) : p.localDate}`,
    localDate: p.localDate,
    status: p.status,
    messageId: p.messageId,
    at: p.at,
    reason: null,
  }));
  return { version: 2, guilds, posts };
}

/**
 * Version 2: settings by guild and a post log of settled entries. Only its frame is checked
 * here: an entry that breaks its schema is carried over as it is, for version 3's check of each
 * entry to set aside on its own.
 */
const v2FrameSchema = z.object({
  version: z.literal(2),
  guilds: z.record(z.string(), z.unknown()),
  posts: z.array(z.unknown()),
});

const v2PostSchema = z.strictObject({
  guildId: z.string().regex(SNOWFLAKE_PATTERN),
  kind: z.enum(['anniversary', 'digest', 'prompt']),
  key: z.string().min(1).max(64),
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: z.enum(['posted', 'skipped', 'failed']),
  messageId: z.string().regex(SNOWFLAKE_PATTERN).nullable(),
  at: z.iso.datetime({ offset: true }),
  reason: z.string().max(500).nullable(),
});

/** due.ts's nonce, frozen with the migration for the same reason as isoWeek above. */
function v3Nonce(guildId: string, key: string): string {
  return createHash('sha256').update(`${guildId}:${key}`).digest('base64url').slice(0, 25);
}

/** Each post-log entry becomes a settled ledger entry: no owner, no lease, nothing pending. */
function v2ToV3(raw: unknown): unknown {
  const v2 = v2FrameSchema.parse(raw);
  const ledger = v2.posts.map((post) => {
    const parsed = v2PostSchema.safeParse(post);
    if (!parsed.success) return post;
    const p = parsed.data;
    return {
      guildId: p.guildId,
      key: p.key,
      kind: p.kind,
      localDate: p.localDate,
      state: p.status,
      owner: null,
      nonce: v3Nonce(p.guildId, p.key),
      // Version 2 counted no attempts; a posted entry was sent at least once.
      attempts: p.status === 'posted' ? 1 : 0,
      firstClaimedAt: null,
      leaseUntil: null,
      messageId: p.messageId,
      reason: p.reason,
      pendingThread: null,
      at: p.at,
    };
  });
  const versions = Object.fromEntries(Object.keys(v2.guilds).map((id) => [id, 1]));
  return { version: 3, guilds: v2.guilds, versions, ledger, notices: {} };
}

/** MIGRATIONS[n] turns a version n file into version n + 1. */
const MIGRATIONS: Readonly<Record<number, (raw: unknown) => unknown>> = { 1: v1ToV2, 2: v2ToV3 };

/**
 * Brings parsed JSON of any known version up to STORE_VERSION. The result is still unchecked:
 * the caller validates it against the current schema.
 */
export function migrateToCurrent(raw: unknown): { file: unknown; from: number } {
  const version =
    typeof raw === 'object' && raw !== null && 'version' in raw ? raw.version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreDecodeError('no-version', 'the file carries no valid "version"');
  }
  if (version > STORE_VERSION) {
    throw new StoreDecodeError(
      'future-version',
      `the file is version ${version}, newer than this bot's ${STORE_VERSION}`,
    );
  }
  let file = raw;
  for (let v = version; v < STORE_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (!step) throw new StoreDecodeError('invalid', `no migration from version ${v}`);
    try {
      file = step(file);
    } catch (error) {
      throw new StoreDecodeError(
        'invalid',
        `version ${v} file does not match its schema: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { file, from: version };
}
