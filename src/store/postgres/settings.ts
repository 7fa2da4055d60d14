import type pg from 'pg';
import { guildSettingsSchema, type GuildSettings } from '../domain.js';
import { ChangeLog } from '../change-log.js';
import type { PutResult, SettingsChanges, SettingsPort, Versioned } from '../ports.js';
import { StoreRowError } from './errors.js';
import { CHUNK, query, readWithTime, type PostgresLog } from './pool.js';
import { ChangeWatermark } from './watermark.js';

interface SettingsRow {
  guild_id: string;
  value: unknown;
  version: number;
}

/** What a process knows of one guild: version 0 is "no row at all"; a null value, deleted. */
interface Known {
  version: number;
  value: GuildSettings | null;
}

export interface PostgresSettingsOptions {
  /** How often getMany's copy is dropped and read whole again (self-healing); default an hour. */
  cacheRefreshMs?: number;
}

/**
 * Settings in the `settings` table, one row per guild with a version; a write names the version
 * it read and fails if another writer went first. `get` always reads the row. `getMany` (the
 * runner's batch load, every tick, for every guild) keeps a copy of what it has read and asks the
 * database only for rows changed since its last call, so a steady tick for 100,000 guilds reads a
 * handful of rows instead of all of them. Deleted settings stay as a row with a null value (a
 * tombstone): the copy learns of the deletion, and the version keeps rising, so a writer holding
 * a version from before the deletion cannot write over a later setup.
 */
export class PostgresSettings implements SettingsPort {
  private readonly known = new Map<string, Known>();
  private readonly watermark: ChangeWatermark;
  /** Guilds of the copy whose settings changed, for the change feed. */
  private readonly changeLog = new ChangeLog();

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: PostgresLog,
    options: PostgresSettingsOptions = {},
  ) {
    this.watermark = new ChangeWatermark(options.cacheRefreshMs);
  }

  async get(guildId: string): Promise<Versioned<GuildSettings> | null> {
    const { rows } = await query<SettingsRow>(
      this.pool,
      'reading settings',
      'SELECT guild_id, value, version FROM settings WHERE guild_id = $1',
      [guildId],
    );
    const row = rows[0];
    if (!row || row.value === null) return null;
    const parsed = guildSettingsSchema.safeParse(row.value);
    if (!parsed.success) {
      throw new StoreRowError(
        `settings of guild ${guildId} break the schema: ${parsed.error.message}`,
      );
    }
    return { value: parsed.data, version: row.version };
  }

  /**
   * The guilds of the copy whose settings changed since `cursor`, from the rows changed since
   * the copy was last brought up to date (which this does): a steady tick asks this and reads
   * the settings of only the guilds it computes. Null changes when the copy was (re)read whole.
   */
  async changes(cursor: number | null): Promise<SettingsChanges> {
    await this.refresh();
    return this.changeLog.since(cursor);
  }

  async getMany(guildIds: readonly string[]): Promise<Map<string, Versioned<GuildSettings>>> {
    const since = await this.refresh();
    // One pass over the ids in a steady tick (100,000 of them): what is known is answered with
    // the copy's own entry, never changed in place (a change replaces it), so it is not copied.
    const found = new Map<string, Versioned<GuildSettings>>();
    const missing: string[] = [];
    for (const id of guildIds) {
      const known = this.known.get(id);
      if (!known) missing.push(id);
      else if (known.value) found.set(id, known as Versioned<GuildSettings>);
    }
    for (let start = 0; start < missing.length; start += CHUNK) {
      const chunk = missing.slice(start, start + CHUNK);
      const rows = await readWithTime<SettingsRow>(
        this.pool,
        'reading settings',
        `SELECT now() AS db_now, guild_id, value, version FROM settings
         WHERE guild_id = ANY($1::text[])`,
        [chunk],
      );
      for (const id of chunk) this.known.set(id, { version: 0, value: null });
      // First read into the copy: not a change (whoever asked gets it from this very call).
      for (const row of rows.rows) this.learn(row, false);
      if (since === null && start === 0) this.watermark.advance(rows.dbNow);
    }
    for (const id of missing) {
      const known = this.known.get(id)!;
      if (known.value) found.set(id, known as Versioned<GuildSettings>);
    }
    return found;
  }

  async put(
    guildId: string,
    settings: GuildSettings,
    expectedVersion: number | null,
  ): Promise<PutResult> {
    const value = guildSettingsSchema.parse(settings);
    const json = JSON.stringify(value);
    // "None stored" includes a tombstone; its version goes on rising from where it was.
    const { rows } =
      expectedVersion === null
        ? await query<{ version: number }>(
            this.pool,
            'writing settings',
            `INSERT INTO settings (guild_id, value, version) VALUES ($1, $2::jsonb, 1)
             ON CONFLICT (guild_id) DO UPDATE
               SET value = EXCLUDED.value, version = settings.version + 1, updated_at = now()
               WHERE settings.value IS NULL
             RETURNING version`,
            [guildId, json],
          )
        : await query<{ version: number }>(
            this.pool,
            'writing settings',
            `UPDATE settings SET value = $2::jsonb, version = version + 1, updated_at = now()
             WHERE guild_id = $1 AND version = $3 AND value IS NOT NULL
             RETURNING version`,
            [guildId, json, expectedVersion],
          );
    const written = rows[0];
    if (!written) return { kind: 'conflict', current: await this.get(guildId) };
    this.remember(guildId, { version: written.version, value });
    return { kind: 'written', version: written.version };
  }

  async delete(guildId: string): Promise<boolean> {
    const { rows } = await query<{ version: number }>(
      this.pool,
      'deleting settings',
      `UPDATE settings SET value = NULL, version = version + 1, updated_at = now()
       WHERE guild_id = $1 AND value IS NOT NULL
       RETURNING version`,
      [guildId],
    );
    const deleted = rows[0];
    if (deleted) this.remember(guildId, { version: deleted.version, value: null });
    return deleted !== undefined;
  }

  /**
   * Brings the copy up to date with the rows changed since its last read, or drops it when its
   * time is up (the next getMany reads it whole). Returns the watermark it started from.
   */
  private async refresh(): Promise<Date | null> {
    if (this.watermark.expired()) {
      this.known.clear();
      this.watermark.reset();
      this.changeLog.reset();
    }
    const since = this.watermark.since();
    if (since !== null) {
      const rows = await readWithTime<SettingsRow>(
        this.pool,
        'reading changed settings',
        `SELECT now() AS db_now, guild_id, value, version FROM settings
         WHERE updated_at > $1::timestamptz - $2 * interval '1 ms'`,
        [since, ChangeWatermark.MARGIN_MS],
      );
      for (const row of rows.rows) if (this.known.has(row.guild_id)) this.learn(row);
      this.watermark.advance(rows.dbNow);
    }
    return since;
  }

  /** Takes a row read back into the copy, unless the copy already holds a later version. */
  private learn(row: SettingsRow, isChange = true): void {
    let value: GuildSettings | null = null;
    if (row.value !== null) {
      const parsed = guildSettingsSchema.safeParse(row.value);
      if (parsed.success) value = parsed.data;
      else {
        // One bad row must not stop every other server's posts: this one is left out, loudly.
        this.log.error(
          { guildId: row.guild_id, issues: parsed.error.issues.slice(0, 3) },
          'postgres: settings break the schema; this server is skipped',
        );
      }
    }
    this.remember(row.guild_id, { version: row.version, value }, isChange);
  }

  private remember(guildId: string, known: Known, isChange = true): void {
    const before = this.known.get(guildId);
    // Only guilds getMany was asked for are kept; a write for another guild changes nothing here.
    if (before && known.version > before.version) {
      this.known.set(guildId, known);
      if (isChange) this.changeLog.note(guildId);
    }
  }
}
