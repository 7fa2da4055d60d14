import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { snowflake } from '../snowflake.js';
import { isoInstant } from './domain.js';

/**
 * Members' suggestions for discussion prompts, and the admins' decisions on them: a port of its
 * own beside settings and the ledger, implemented by every backend and held to one contract
 * (tests/store/suggestions-contract.ts).
 *
 * A decision is a conditional write naming the version the admin saw, so two admins clicking at
 * the same moment decide a suggestion once. Denied suggestions are kept (an admin may
 * reconsider); nothing here deletes one.
 */

export type SuggestionState = 'open' | 'approved' | 'denied';

/** The question's bounds: a poll's question is at most 300 characters on Discord. */
export const SUGGESTION_QUESTION_MAX = 300;
export const SUGGESTION_QUESTION_MIN = 10;
/** A poll's answers: 2 to 10, each at most 55 characters (Discord's poll limits). */
export const SUGGESTION_ANSWERS_MAX = 10;
export const SUGGESTION_ANSWER_MAX = 55;
export const DENIAL_REASON_MAX = 300;

export interface Suggestion {
  guildId: string;
  /** Short, lowercase, unique within the guild: what admins and the author see (`#k3f9a2qd`). */
  id: string;
  authorId: string;
  question: string;
  /** Poll answers when the author gave some; null for an open question. */
  answers: string[] | null;
  state: SuggestionState;
  /** Why it was denied, when the admin said. */
  reason: string | null;
  decidedBy: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  /** 1 when made; up by one on each decision. */
  version: number;
  /** The author has been told the decision (a DM, or a notice at their next use of the bot). */
  authorNotified: boolean;
}

export interface NewSuggestion {
  guildId: string;
  authorId: string;
  question: string;
  answers: string[] | null;
}

export interface SuggestionLimits {
  /** Open suggestions one member may have in a server at once. */
  maxOpen: number;
  /** Time after a member's last suggestion in a server before the next. */
  cooldownMs: number;
}

export type CreateSuggestionResult =
  | { kind: 'created'; suggestion: Suggestion }
  | { kind: 'cap'; open: number }
  /** `retryAt`: when the member may suggest again (the backend's clock). */
  | { kind: 'cooldown'; retryAt: Date };

export interface Decision {
  state: 'approved' | 'denied';
  by: string;
  reason: string | null;
}

export type DecideResult =
  | { kind: 'decided'; suggestion: Suggestion }
  /** The version named is not the stored one: someone decided first. `current` is what stands. */
  | { kind: 'conflict'; current: Suggestion }
  | { kind: 'not-found' };

export interface SuggestionPage {
  items: Suggestion[];
  /** All suggestions of that state in the guild. */
  total: number;
}

export interface SuggestionsPort {
  /**
   * Stores a suggestion if its author is under the cap of open ones in that guild and past the
   * cooldown since their last; the check and the write are one atomic decision, so a burst of
   * clicks cannot pass the cap together.
   */
  create(input: NewSuggestion, limits: SuggestionLimits): Promise<CreateSuggestionResult>;
  get(guildId: string, id: string): Promise<Suggestion | null>;
  /** One page of a guild's suggestions in a state, oldest first. */
  list(
    guildId: string,
    state: SuggestionState,
    offset: number,
    limit: number,
  ): Promise<SuggestionPage>;
  countOpen(guildId: string): Promise<number>;
  /** Decides it if its stored version is still `expectedVersion`; marks the author untold. */
  decide(
    guildId: string,
    id: string,
    expectedVersion: number,
    decision: Decision,
  ): Promise<DecideResult>;
  /** A guild's approved suggestions, in the order they were approved: its own prompt rotation. */
  approved(guildId: string): Promise<Suggestion[]>;
  /** The author was told (a DM went through). */
  markNotified(guildId: string, id: string): Promise<void>;
  /**
   * The decided suggestions of this member (any guild) they have not been told of, marked told
   * as they are read: each decision is told once.
   */
  takeUntold(authorId: string): Promise<Suggestion[]>;
}

/** Eight characters of [a-z0-9]: plenty within one guild, short enough to read out. */
export function newSuggestionId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

export const suggestionIdSchema = z.string().regex(/^[a-z0-9]{4,16}$/, 'must be a suggestion id');

/** A suggestion as the JSON file keeps it (and as a PostgreSQL row is checked on read). */
export const suggestionFileSchema = z.strictObject({
  guildId: snowflake,
  id: suggestionIdSchema,
  authorId: snowflake,
  question: z.string().min(1).max(SUGGESTION_QUESTION_MAX),
  answers: z
    .array(z.string().min(1).max(SUGGESTION_ANSWER_MAX))
    .min(2)
    .max(SUGGESTION_ANSWERS_MAX)
    .nullable(),
  state: z.enum(['open', 'approved', 'denied']),
  reason: z.string().max(DENIAL_REASON_MAX).nullable(),
  decidedBy: snowflake.nullable(),
  createdAt: isoInstant,
  decidedAt: isoInstant.nullable(),
  version: z.number().int().min(1),
  authorNotified: z.boolean(),
});
export type SuggestionFile = z.infer<typeof suggestionFileSchema>;

export function suggestionFromFile(file: SuggestionFile): Suggestion {
  return {
    ...file,
    answers: file.answers ? [...file.answers] : null,
    createdAt: new Date(file.createdAt),
    decidedAt: file.decidedAt === null ? null : new Date(file.decidedAt),
  };
}

export function suggestionToFile(suggestion: Suggestion): SuggestionFile {
  return {
    ...suggestion,
    answers: suggestion.answers ? [...suggestion.answers] : null,
    createdAt: suggestion.createdAt.toISOString(),
    decidedAt: suggestion.decidedAt === null ? null : suggestion.decidedAt.toISOString(),
  };
}

/**
 * The cap and cooldown, decided from one member's suggestions in one guild: shared by the
 * backends that hold them in memory and by the PostgreSQL one, so the rule is written once.
 */
export function admission(
  mine: readonly Pick<Suggestion, 'state' | 'createdAt'>[],
  limits: SuggestionLimits,
  now: Date,
): { kind: 'ok' } | { kind: 'cap'; open: number } | { kind: 'cooldown'; retryAt: Date } {
  const open = mine.filter((s) => s.state === 'open').length;
  if (open >= limits.maxOpen) return { kind: 'cap', open };
  const last = Math.max(Number.NEGATIVE_INFINITY, ...mine.map((s) => s.createdAt.getTime()));
  const retryAt = last + limits.cooldownMs;
  if (retryAt > now.getTime()) return { kind: 'cooldown', retryAt: new Date(retryAt) };
  return { kind: 'ok' };
}
