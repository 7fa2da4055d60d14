/**
 * Where a process's copy of a table stands: the database's time of its last read of what
 * changed. Rows are stamped with the writer's `now()`, which is its transaction's start, so a
 * write that began before the last read and committed after it carries an earlier stamp: every
 * read of changes therefore looks back MARGIN_MS further (statements are capped at a few
 * seconds, so no single-statement write is longer). Reading a change twice is harmless; versions
 * and states decide what is newer.
 */
export class ChangeWatermark {
  static readonly MARGIN_MS = 30_000;
  private last: Date | null = null;
  private startedAt = 0;

  /** @param refreshMs after this long the copy is read whole again, healing anything missed. */
  constructor(private readonly refreshMs: number = 60 * 60 * 1000) {}

  /** Null: nothing read yet, the copy must be read whole. */
  since(): Date | null {
    return this.last;
  }

  advance(dbNow: Date): void {
    if (this.last === null) this.startedAt = Date.now();
    this.last = dbNow;
  }

  expired(): boolean {
    return this.last !== null && Date.now() - this.startedAt >= this.refreshMs;
  }

  reset(): void {
    this.last = null;
  }
}
