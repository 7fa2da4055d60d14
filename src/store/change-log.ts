import type { SettingsChanges } from './ports.js';

/**
 * The guilds whose settings a backend changed, in order, for SettingsPort.changes. A cursor is a
 * position in the log; positions before the oldest one kept, or from before a reset, cannot be
 * answered (`changed: null`), so the reader reads everything once and carries on from there.
 */
export class ChangeLog {
  private ids: string[] = [];
  /** The position of ids[0]. */
  private base = 0;

  /** @param keep entries kept at most: a reader further behind reads everything again. */
  constructor(private readonly keep = 100_000) {}

  note(guildId: string): void {
    this.ids.push(guildId);
    if (this.ids.length > this.keep) {
      const drop = this.ids.length - Math.floor(this.keep / 2);
      this.ids = this.ids.slice(drop);
      this.base += drop;
    }
  }

  /** Everything known before now is unknown again (a backend dropped its copy): no cursor holds. */
  reset(): void {
    this.base += this.ids.length + 1;
    this.ids = [];
  }

  since(cursor: number | null): SettingsChanges {
    const end = this.base + this.ids.length;
    if (cursor === null || cursor < this.base || cursor > end)
      return { cursor: end, changed: null };
    return { cursor: end, changed: this.ids.slice(cursor - this.base) };
  }
}
