import type pg from 'pg';
import {
  admission,
  newSuggestionId,
  suggestionFileSchema,
  suggestionFromFile,
  type CreateSuggestionResult,
  type DecideResult,
  type Decision,
  type NewSuggestion,
  type Suggestion,
  type SuggestionLimits,
  type SuggestionPage,
  type SuggestionState,
  type SuggestionsPort,
} from '../suggestions.js';
import { StoreRowError } from './errors.js';
import { inTransaction, query } from './pool.js';

interface SuggestionRow {
  guild_id: string;
  id: string;
  author_id: string;
  question: string;
  answers: unknown;
  state: string;
  reason: string | null;
  decided_by: string | null;
  created_at: Date;
  decided_at: Date | null;
  version: number;
  author_notified: boolean;
}

const COLUMNS = `guild_id, id, author_id, question, answers, state, reason, decided_by,
  created_at, decided_at, version, author_notified`;

/** A row read back, checked with the schema the JSON file uses. */
function fromRow(row: SuggestionRow): Suggestion {
  const parsed = suggestionFileSchema.safeParse({
    guildId: row.guild_id,
    id: row.id,
    authorId: row.author_id,
    question: row.question,
    answers: row.answers ?? null,
    state: row.state,
    reason: row.reason,
    decidedBy: row.decided_by,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    version: row.version,
    authorNotified: row.author_notified,
  });
  if (!parsed.success) {
    throw new StoreRowError(
      `suggestion ${row.guild_id}/${row.id} breaks the schema: ${parsed.error.message}`,
    );
  }
  return suggestionFromFile(parsed.data);
}

/** Any fixed number: with the guild and author hashed in, the key of one member's admission. */
const ADMISSION_LOCK = 7_214_530_003;

/**
 * Suggestions in the `suggestions` table (migration 003). Times are the database's `now()`. The
 * cap and cooldown are checked and the row inserted in one transaction holding an advisory lock
 * on the member, so two processes admitting the same member's burst let one through at a time.
 */
export class PostgresSuggestions implements SuggestionsPort {
  constructor(private readonly pool: pg.Pool) {}

  async create(input: NewSuggestion, limits: SuggestionLimits): Promise<CreateSuggestionResult> {
    return inTransaction(
      this.pool,
      'storing a suggestion',
      async (client): Promise<CreateSuggestionResult> => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          ADMISSION_LOCK % 2_147_483_647,
          `${input.guildId}:${input.authorId}`,
        ]);
        const { rows: mine } = await client.query<{
          state: SuggestionState;
          created_at: Date;
          db_now: Date;
        }>(
          `SELECT state, created_at, now() AS db_now FROM suggestions
         WHERE guild_id = $1 AND author_id = $2`,
          [input.guildId, input.authorId],
        );
        const dbNow =
          mine[0]?.db_now ?? (await client.query<{ n: Date }>('SELECT now() AS n')).rows[0]!.n;
        const verdict = admission(
          mine.map((r) => ({ state: r.state, createdAt: r.created_at })),
          limits,
          dbNow,
        );
        // Refused: the transaction wrote nothing, so its commit only lets the lock go.
        if (verdict.kind !== 'ok') return verdict;
        let inserted: SuggestionRow | undefined;
        // A clash of random ids within one guild is rare; try another id then.
        for (let attempt = 0; attempt < 5 && !inserted; attempt += 1) {
          const { rows } = await client.query<SuggestionRow>(
            `INSERT INTO suggestions (guild_id, id, author_id, question, answers, state)
           VALUES ($1, $2, $3, $4, $5::jsonb, 'open')
           ON CONFLICT (guild_id, id) DO NOTHING
           RETURNING ${COLUMNS}`,
            [
              input.guildId,
              newSuggestionId(),
              input.authorId,
              input.question,
              input.answers === null ? null : JSON.stringify(input.answers),
            ],
          );
          inserted = rows[0];
        }
        if (!inserted) throw new Error('could not find a free suggestion id');
        return { kind: 'created', suggestion: fromRow(inserted) };
      },
    );
  }

  async get(guildId: string, id: string): Promise<Suggestion | null> {
    const { rows } = await query<SuggestionRow>(
      this.pool,
      'reading a suggestion',
      `SELECT ${COLUMNS} FROM suggestions WHERE guild_id = $1 AND id = $2`,
      [guildId, id],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async list(
    guildId: string,
    state: SuggestionState,
    offset: number,
    limit: number,
  ): Promise<SuggestionPage> {
    const [page, count] = await Promise.all([
      query<SuggestionRow>(
        this.pool,
        'listing suggestions',
        `SELECT ${COLUMNS} FROM suggestions WHERE guild_id = $1 AND state = $2
         ORDER BY created_at, id OFFSET $3 LIMIT $4`,
        [guildId, state, Math.max(0, offset), Math.max(0, limit)],
      ),
      query<{ n: string }>(
        this.pool,
        'counting suggestions',
        'SELECT count(*) AS n FROM suggestions WHERE guild_id = $1 AND state = $2',
        [guildId, state],
      ),
    ]);
    return { items: page.rows.map(fromRow), total: Number(count.rows[0]?.n ?? 0) };
  }

  async countOpen(guildId: string): Promise<number> {
    const { rows } = await query<{ n: string }>(
      this.pool,
      'counting suggestions',
      "SELECT count(*) AS n FROM suggestions WHERE guild_id = $1 AND state = 'open'",
      [guildId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async decide(
    guildId: string,
    id: string,
    expectedVersion: number,
    decision: Decision,
  ): Promise<DecideResult> {
    const reason = decision.state === 'denied' ? decision.reason : null;
    const { rows } = await query<SuggestionRow>(
      this.pool,
      'deciding a suggestion',
      `UPDATE suggestions
       SET state = $4, reason = $5, decided_by = $6, decided_at = now(),
           version = version + 1, author_notified = false
       WHERE guild_id = $1 AND id = $2 AND version = $3
       RETURNING ${COLUMNS}`,
      [guildId, id, expectedVersion, decision.state, reason, decision.by],
    );
    if (rows[0]) return { kind: 'decided', suggestion: fromRow(rows[0]) };
    const current = await this.get(guildId, id);
    return current ? { kind: 'conflict', current } : { kind: 'not-found' };
  }

  async approved(guildId: string): Promise<Suggestion[]> {
    const { rows } = await query<SuggestionRow>(
      this.pool,
      'reading approved suggestions',
      `SELECT ${COLUMNS} FROM suggestions WHERE guild_id = $1 AND state = 'approved'
       ORDER BY decided_at, id`,
      [guildId],
    );
    return rows.map(fromRow);
  }

  async markNotified(guildId: string, id: string): Promise<void> {
    await query(
      this.pool,
      'marking a suggestion told',
      'UPDATE suggestions SET author_notified = true WHERE guild_id = $1 AND id = $2',
      [guildId, id],
    );
  }

  async takeUntold(authorId: string): Promise<Suggestion[]> {
    // One statement: of two interactions at once, each row is returned to one of them.
    const { rows } = await query<SuggestionRow>(
      this.pool,
      'reading untold decisions',
      `UPDATE suggestions SET author_notified = true
       WHERE author_id = $1 AND state <> 'open' AND NOT author_notified
       RETURNING ${COLUMNS}`,
      [authorId],
    );
    return rows.map(fromRow).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
}
