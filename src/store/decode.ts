import type { z } from 'zod';
import { communityFromFile, communityToFile, decodeCommunity } from './community-file.js';
import type { GuildSettings } from './domain.js';
import { emptyStoreState, type StoreState } from './memory.js';
import { migrateToCurrent, StoreDecodeError } from './migrate.js';
import type { LedgerEntry } from './ports.js';
import {
  guildEntrySchema,
  guildIdSchema,
  ledgerEntryFileSchema,
  noticeFileSchema,
  storeFrameSchema,
  STORE_VERSION,
  type LedgerEntryFile,
  type NoticeFile,
  type StoreFile,
} from './schema.js';
import {
  suggestionFileSchema,
  suggestionFromFile,
  suggestionToFile,
  type Suggestion,
  type SuggestionFile,
} from './suggestions.js';

/** One entry that broke its schema: kept aside as it was, with why. */
export interface SetAsideEntry {
  part: 'guilds' | 'ledger' | 'notices' | 'community' | 'suggestions';
  /** The guild id it was filed under (for the ledger, the one it names, if any). */
  guildId: string | null;
  raw: unknown;
  problem: string;
}

export interface Decoded {
  file: StoreFile;
  /** The version the file was written in. */
  from: number;
  setAside: SetAsideEntry[];
}

function problemOf(error: { issues: readonly { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** The guild id an entry names, if it names one: where a set-aside entry is filed. */
function guildNamedBy(value: unknown): string | null {
  const named =
    typeof value === 'object' && value !== null && 'guildId' in value ? value.guildId : null;
  return typeof named === 'string' ? named : null;
}

/** The entries of a list that pass `schema`; each one that does not is set aside alone. */
function keepValid<T>(
  values: readonly unknown[],
  schema: z.ZodType<T>,
  part: SetAsideEntry['part'],
  setAside: SetAsideEntry[],
): T[] {
  const kept: T[] = [];
  for (const value of values) {
    const entry = schema.safeParse(value);
    if (entry.success) kept.push(entry.data);
    else {
      setAside.push({
        part,
        guildId: guildNamedBy(value),
        raw: value,
        problem: problemOf(entry.error),
      });
    }
  }
  return kept;
}

/**
 * Parses, migrates and validates the text of a store file. A broken frame (not JSON, no version,
 * no guilds or ledger) throws a StoreDecodeError; a broken entry inside is set aside alone.
 */
export function decodeStoreText(text: string): Decoded {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreDecodeError('not-json', `not JSON: ${(error as Error).message}`);
  }
  const { file: migrated, from } = migrateToCurrent(raw);
  const frame = storeFrameSchema.safeParse(migrated);
  if (!frame.success) {
    throw new StoreDecodeError('invalid', `does not match the schema: ${problemOf(frame.error)}`);
  }
  const setAside: SetAsideEntry[] = [];
  const guilds: Record<string, GuildSettings> = {};
  for (const [id, value] of Object.entries(frame.data.guilds)) {
    const key = guildIdSchema.safeParse(id);
    const settings = guildEntrySchema.safeParse(value);
    if (key.success && settings.success) guilds[id] = settings.data;
    else {
      const problem = !key.success ? `the key ${JSON.stringify(id)} is not a Discord id` : '';
      setAside.push({
        part: 'guilds',
        guildId: id,
        raw: value,
        problem: problem || (settings.success ? '' : problemOf(settings.error)),
      });
    }
  }
  const ledger = keepValid(frame.data.ledger, ledgerEntryFileSchema, 'ledger', setAside);
  const notices: Record<string, NoticeFile> = {};
  for (const [id, value] of Object.entries(frame.data.notices)) {
    const notice = noticeFileSchema.safeParse(value);
    if (notice.success) notices[id] = notice.data;
    else
      setAside.push({ part: 'notices', guildId: id, raw: value, problem: problemOf(notice.error) });
  }
  const suggestions = keepValid(
    frame.data.suggestions,
    suggestionFileSchema,
    'suggestions',
    setAside,
  );
  const versions = Object.fromEntries(
    Object.keys(guilds).map((id) => [id, frame.data.versions[id] ?? 1]),
  );
  const community = decodeCommunity(frame.data);
  for (const problem of community.problems) {
    setAside.push({
      part: 'community',
      guildId: null,
      raw: { collection: problem.collection, entry: problem.raw },
      problem: problemOf(problem.issues),
    });
  }
  return {
    file: {
      version: STORE_VERSION,
      guilds,
      versions,
      ledger,
      notices,
      suggestions,
      ...community.file,
    },
    from,
    setAside,
  };
}

const instant = (text: string | null): Date | null => (text === null ? null : new Date(text));
const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export function entryFromFile(entry: LedgerEntryFile): LedgerEntry {
  return {
    ...entry,
    firstClaimedAt: instant(entry.firstClaimedAt),
    leaseUntil: instant(entry.leaseUntil),
    at: new Date(entry.at),
  };
}

export function entryToFile(entry: LedgerEntry): LedgerEntryFile {
  return {
    ...entry,
    firstClaimedAt: iso(entry.firstClaimedAt),
    leaseUntil: iso(entry.leaseUntil),
    at: entry.at.toISOString(),
  };
}

export function stateFromFile(file: StoreFile): StoreState {
  const state: StoreState = { ...emptyStoreState(), community: communityFromFile(file) };
  for (const [id, value] of Object.entries(file.guilds)) {
    state.guilds.set(id, { value, version: file.versions[id] ?? 1 });
  }
  for (const entry of file.ledger) {
    let byKey = state.ledger.get(entry.guildId);
    if (!byKey) state.ledger.set(entry.guildId, (byKey = new Map<string, LedgerEntry>()));
    byKey.set(entry.key, entryFromFile(entry));
  }
  for (const [id, notice] of Object.entries(file.notices)) {
    state.notices.set(id, { kind: notice.kind, at: new Date(notice.at) });
  }
  for (const kept of file.suggestions) {
    let byId = state.suggestions.get(kept.guildId);
    if (!byId) state.suggestions.set(kept.guildId, (byId = new Map<string, Suggestion>()));
    byId.set(kept.id, suggestionFromFile(kept));
  }
  return state;
}

export function stateToFile(state: StoreState): StoreFile {
  const guilds: Record<string, GuildSettings> = {};
  const versions: Record<string, number> = {};
  for (const [id, { value, version }] of state.guilds) {
    guilds[id] = value;
    versions[id] = version;
  }
  const ledger: LedgerEntryFile[] = [];
  for (const byKey of state.ledger.values()) {
    for (const entry of byKey.values()) ledger.push(entryToFile(entry));
  }
  const notices: Record<string, NoticeFile> = {};
  for (const [id, notice] of state.notices) {
    notices[id] = { kind: notice.kind, at: notice.at.toISOString() };
  }
  const suggestions: SuggestionFile[] = [];
  for (const byId of state.suggestions.values()) {
    for (const suggestion of byId.values()) suggestions.push(suggestionToFile(suggestion));
  }
  return {
    version: STORE_VERSION,
    guilds,
    versions,
    ledger,
    notices,
    suggestions,
    ...communityToFile(state.community),
  };
}
