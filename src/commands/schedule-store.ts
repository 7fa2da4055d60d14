import type { Dataset } from '../data/load.js';
import type { Strings } from '../i18n/index.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import type { StatusFacts } from '../render/schedule-status.js';
import { nextDueTimes, type PostedKeys } from '../schedule/due.js';
import type { PromptBank } from '../schedule/prompts.js';
import { bankWithSuggestions } from '../suggest/rotation.js';
import type { GuildSettings } from '../store/domain.js';
import { updateSettings, type SettingsChange } from '../store/update-settings.js';
import type { ArgumentsOf, SubcommandName } from './arguments.js';
import type { scheduleData } from './schedule-definition.js';
import type { SubcommandHandlers } from './subcommands.js';
import type { CommandInput, ScheduleContext } from './types.js';

/*
 * What every /schedule subcommand shares: the scope it is handed beside its input, and its reads
 * and writes of the store. A write answers with a value (saved, not set up, not saved) that the
 * handler words; a read the store cannot answer throws StoreUnavailable, answered in one place
 * (`respond`).
 */

export type ScheduleSubcommand = SubcommandName<typeof scheduleData>;

/** One subcommand's input, its options typed from the definition. */
export type ScheduleInput<S extends ScheduleSubcommand> = CommandInput<
  Extract<ArgumentsOf<typeof scheduleData>, { readonly subcommand: S }>
>;

/** What a handler is given beside its input: checked to come from an admin in a served server. */
export interface ScheduleScope {
  readonly guildId: string;
  readonly deps: ScheduleContext;
  readonly data: Dataset;
  readonly now: Date;
  readonly strings: Strings;
}

/** The handlers by subcommand, for the shared router: each sees its own subcommand's options. */
export type ScheduleHandlers = SubcommandHandlers<
  ScheduleInput<ScheduleSubcommand>,
  [scope: ScheduleScope],
  Promise<ReplyBody>
>;

export type ScheduleHandler<S extends ScheduleSubcommand> = ScheduleHandlers[S];

/** The store could not answer a read: the admin hears "try again shortly". */
export class StoreUnavailable extends Error {
  constructor() {
    super('store unavailable');
  }
}

export async function loadSettings(
  deps: ScheduleContext,
  guildId: string,
): Promise<GuildSettings | null> {
  try {
    return (await deps.store.settings.get(guildId))?.value ?? null;
  } catch {
    throw new StoreUnavailable();
  }
}

/** How a write of the settings ended: only `saved` took effect. */
export type SaveOutcome =
  | { kind: 'saved'; settings: GuildSettings }
  /** The change found no settings to change, and wrote nothing. */
  | { kind: 'not-set-up' }
  /** The store did not answer, refused, or kept losing to other writers: nothing changed. */
  | { kind: 'not-saved' };

/** Writes through the versioned helper, applied to what is stored at the moment of writing. */
export async function saveSettings(
  deps: ScheduleContext,
  guildId: string,
  change: SettingsChange,
): Promise<SaveOutcome> {
  const result = await updateSettings(deps.store.settings, guildId, change);
  if (result.kind === 'written') return { kind: 'saved', settings: result.value };
  if (result.kind === 'unchanged') return { kind: 'not-set-up' };
  return { kind: 'not-saved' };
}

/** The answer to a write that did not take effect: not set up (in the caller's words) or not saved. */
export function answerUnsaved(
  outcome: Exclude<SaveOutcome, { kind: 'saved' }>,
  strings: Strings,
  notSetUp: string = strings.schedule.notSetUp,
): ReplyBody {
  return ephemeral({
    content: outcome.kind === 'not-set-up' ? notSetUp : strings.storage.notSaved,
  });
}

/** The settled keys of a server's ledger: what is posted, or given up, already. */
export async function loadSettledKeys(deps: ScheduleContext, guildId: string): Promise<PostedKeys> {
  try {
    return (await deps.store.ledger.settledKeys([guildId])).get(guildId) ?? new Set<string>();
  } catch {
    throw new StoreUnavailable();
  }
}

/** What the status embed needs from the ledger: the next times as if running, and the last post. */
export async function loadStatusFacts(
  deps: ScheduleContext,
  guildId: string,
  settings: GuildSettings,
  data: Dataset,
  now: Date,
): Promise<StatusFacts> {
  let keys: PostedKeys;
  let recent;
  try {
    [keys, recent] = await Promise.all([
      loadSettledKeys(deps, guildId),
      deps.store.ledger.recent(guildId, 10),
    ]);
  } catch {
    throw new StoreUnavailable();
  }
  return {
    // Shown as if running, so an admin sees what resuming would bring.
    next: nextDueTimes(now, { ...settings, paused: false, blocked: null }, keys, data),
    // A claim in flight is not a post yet.
    last: recent.find((entry) => entry.state !== 'claimed'),
  };
}

/** A server's prompt rotation: its approved suggestions first, then the built-in bank. */
export async function loadPromptBank(deps: ScheduleContext, guildId: string): Promise<PromptBank> {
  try {
    return bankWithSuggestions(deps.prompts, await deps.store.suggestions.approved(guildId));
  } catch {
    throw new StoreUnavailable();
  }
}

/** A notice the store keeps for this server (settings set aside), told once; never fails. */
export async function takeNotice(deps: ScheduleContext, guildId: string): Promise<boolean> {
  try {
    return (await deps.store.notices?.take(guildId)) != null;
  } catch {
    return false;
  }
}
