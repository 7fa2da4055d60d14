import { resolve } from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { parseShardIds, planShards } from './discord/shards.js';
import { snowflake } from './snowflake.js';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
/** `.env.example` leaves optional keys empty: empty means unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

/** The environment the bot reads. `.env.example` documents every key. */
const configSchema = z.object({
  DISCORD_TOKEN: z.string({ error: 'is not set' }).min(1, 'is empty'),
  /** Needed by deploy-commands; the bot itself learns it from Discord at login. */
  DISCORD_APPLICATION_ID: optional(snowflake),
  /** Deploy commands to this guild only (instant, for development) instead of globally. */
  DISCORD_DEV_GUILD_ID: optional(snowflake),
  /** Where the settings and post log are kept. */
  STORE_PATH: z.preprocess(blankIsUnset, z.string().min(1).default('.data/store.json')).transform(
    // Relative to the working directory, once, so the log names the one file it means.
    (path) => resolve(path),
  ),
  /**
   * PostgreSQL (`postgres://user:pass@host/db`): the store for several processes. Unset: the
   * JSON file at STORE_PATH. A secret (it may hold a password): never logged.
   */
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  ),
  LOG_LEVEL: z.preprocess(
    blankIsUnset,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** For tests against a local Discord emulator and for REST proxies; Discord's own by default. */
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/ })),
  /**
   * For end-to-end tests: the bot's clock starts at this instant and runs on at real speed, so a
   * test can stand just before a scheduled post. Unset in production.
   */
  BOT_CLOCK_START: optional(z.iso.datetime({ offset: true })),
  /** How often the scheduler wakes (node-cron syntax, seconds allowed); every minute by default. */
  SCHEDULE_CRON: z.preprocess(
    blankIsUnset,
    z
      .string()
      .refine((expression) => cron.validate(expression), 'is not a cron expression')
      .default('* * * * *'),
  ),
  /** The operator's HTTP endpoint (/healthz, /readyz, /metrics); unset: no server. */
  HTTP_PORT: optional(
    z.coerce.number().int().min(1, 'must be 1–65535').max(65535, 'must be 1–65535'),
  ),
  /** Where that endpoint listens: loopback unless opened up (0.0.0.0 in a container). */
  HTTP_HOST: z.preprocess(blankIsUnset, z.string().min(1).default('127.0.0.1')),
  /** Readable log lines (pino-pretty, a dev dependency) instead of JSON; unset: when stdout is a terminal. */
  LOG_PRETTY: optional(z.stringbool({ error: 'must be true or false' })),
  /** Where people report a wrong fact; /about shows it. */
  REPORT_URL: optional(z.url({ protocol: /^https?$/ })),
  // Community (issue 13): where fact reports reach the operator, and who the operator is.
  /** The operator's Discord user id: the only one who may use `/reports`. */
  OWNER_ID: optional(snowflake),
  /** A channel in the operator's own server that each new fact report is posted in. */
  REPORT_CHANNEL_ID: optional(snowflake),
  /**
   * Or a webhook URL each new report is sent to (used when REPORT_CHANNEL_ID is unset). A
   * secret (anyone with it can post there): never logged, kept in the environment only.
   */
  REPORT_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an https:// URL' })),
  /** How many shards the whole bot runs; unset, Discord's recommended count (all in this process). */
  SHARD_COUNT: optional(
    z.string().transform((text, ctx) => {
      if (/^\s*\d+\s*$/.test(text)) return Number(text);
      ctx.addIssue({ code: 'custom', message: 'must be a whole number, 1 or more' });
      return z.NEVER;
    }),
  ),
  /** The shards this process holds, "0,1" or "0-3"; unset, all of SHARD_COUNT. */
  SHARD_IDS: optional(
    z.string().transform((text, ctx) => {
      const result = parseShardIds(text);
      if (result.ok) return result.ids;
      ctx.addIssue({ code: 'custom', message: result.problem });
      return z.NEVER;
    }),
  ),
  // Partitions (issue 11): scheduled work split across processes on PostgreSQL.
  /**
   * How often this process renews its partition leases (ms); a lease lasts three of these, so
   * a dead process's servers are taken over within four. Default 15 000; tests use less.
   */
  PARTITION_HEARTBEAT_MS: optional(
    z.coerce.number().int().min(100, 'must be 100 or more').max(600_000, 'must be 600000 or less'),
  ),
});
/** Settings that are only wrong together, each problem named by its key. */
const checkedConfigSchema = configSchema.superRefine((config, ctx) => {
  const result = planShards(config.SHARD_COUNT, config.SHARD_IDS);
  if (!result.ok) ctx.addIssue({ code: 'custom', path: [result.key], message: result.problem });
});
export type Config = z.infer<typeof checkedConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Reads the config from an environment. Problems name the key and never echo a value, since
 * some values are secrets.
 */
export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const result = checkedConfigSchema.safeParse(env);
  if (result.success) return { ok: true, config: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  return { ok: false, problems };
}
