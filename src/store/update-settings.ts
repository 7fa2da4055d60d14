import { ZodError } from 'zod';
import type { GuildSettings } from './domain.js';
import type { SettingsPort } from './ports.js';

/** Re-reads and re-applies at most this many times when another writer got in first. */
export const SETTINGS_WRITE_TRIES = 5;

/** A pure change: the settings to write, or null to write nothing (e.g. none to change). */
export type SettingsChange = (current: GuildSettings | null) => GuildSettings | null;

export type UpdateResult =
  | { kind: 'written'; value: GuildSettings; version: number }
  /** The change chose to write nothing; `current` is what is stored. */
  | { kind: 'unchanged'; current: GuildSettings | null }
  /** Every try met another writer's newer version. */
  | { kind: 'contended' }
  /** The store did not answer or refused the write: nothing was saved. */
  | { kind: 'unavailable'; error: unknown };

/**
 * Reads a guild's settings, applies `change`, and writes with the version read. When another
 * writer got in between, it reads again and applies the change to what that writer left, so
 * both changes stand: `/schedule pause` racing the runner marking a prompt seen keeps the pause
 * and the prompt. Never throws for the store: a failure is a value the caller can word.
 * Settings that break the schema still throw (a bug, not the store's weather).
 */
export async function updateSettings(
  port: SettingsPort,
  guildId: string,
  change: SettingsChange,
  tries = SETTINGS_WRITE_TRIES,
): Promise<UpdateResult> {
  let current;
  try {
    current = await port.get(guildId);
  } catch (error) {
    return { kind: 'unavailable', error };
  }
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const next = change(current ? structuredClone(current.value) : null);
    if (next === null) return { kind: 'unchanged', current: current?.value ?? null };
    let result;
    try {
      result = await port.put(guildId, next, current?.version ?? null);
    } catch (error) {
      if (error instanceof ZodError) throw error;
      return { kind: 'unavailable', error };
    }
    if (result.kind === 'written') return { kind: 'written', value: next, version: result.version };
    current = result.current;
  }
  return { kind: 'contended' };
}

/** A change that applies `edit` to settings that exist, and writes nothing where none do. */
export function ifSetUp(edit: (current: GuildSettings) => GuildSettings): SettingsChange {
  return (current) => (current ? edit(current) : null);
}
