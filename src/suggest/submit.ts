import type { CommandContext, InputContext } from '../commands/types.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import { attemptStore } from '../community/store-attempt.js';
import { discordTimestamp } from '../render/format.js';
import { ephemeral, type ReplyBody, type ReplyEffect } from '../render/reply.js';
import { renderSuggestionForAdmins } from '../render/suggestions.js';
import type { SuggestionLimits } from '../store/suggestions.js';
import { checkSuggestion, type SuggestionProblem } from './check.js';

type SuggestStrings = Strings['suggest'];

/**
 * A member may have three suggestions waiting in a server, and make one every ten minutes:
 * enough for someone with ideas, too few to flood an admin's queue.
 */
export const SUGGESTION_LIMITS: SuggestionLimits = { maxOpen: 3, cooldownMs: 10 * 60_000 };

/** Why a suggestion was refused, in the member's words. */
export function explainProblem(problem: SuggestionProblem, words: SuggestStrings): string {
  switch (problem.kind) {
    case 'too-short':
      return words.tooShort(problem.min);
    case 'too-long':
      return words.tooLong(problem.max);
    case 'mention':
      return words.mention;
    case 'link':
      return words.link;
    case 'answers-count':
      return words.answersCount(problem.min, problem.max);
    case 'answer-too-long':
      return words.answerTooLong(problem.max);
    case 'answers-duplicate':
      return words.answersDuplicate;
  }
}

/** What a member typed into /suggest. */
export interface TypedSuggestion {
  question: string;
  answers?: string | undefined;
}

/**
 * A member's suggestion: checked, stored (within the limits), and posted to the admins'
 * channel when the server has one. A failed read says nothing changed; a failed write, that
 * it was not saved.
 */
export async function submitSuggestion(
  typed: TypedSuggestion,
  input: InputContext,
  ctx: CommandContext,
): Promise<ReplyBody> {
  const strings = stringsFor(input.locale);
  const words = strings.suggest;
  if (!input.guildId) return ephemeral({ content: words.notInGuild });
  const schedule = ctx.schedule;
  if (!schedule) return ephemeral({ content: words.notServed });
  const guildId = input.guildId;
  const read = await attemptStore(() => schedule.store.settings.get(guildId));
  if (read.kind === 'failed') return ephemeral({ content: strings.storage.unavailable });
  const settings = read.value?.value ?? null;
  const check = checkSuggestion(typed.question, typed.answers ?? null, {
    allowLinks: settings?.suggestionLinks ?? false,
  });
  if (check.kind === 'invalid') return ephemeral({ content: explainProblem(check.problem, words) });
  const made = await attemptStore(() =>
    schedule.store.suggestions.create(
      { guildId, authorId: input.userId, question: check.question, answers: check.answers },
      SUGGESTION_LIMITS,
    ),
  );
  if (made.kind === 'failed') return ephemeral({ content: strings.storage.notSaved });
  const result = made.value;
  if (result.kind === 'cap') return ephemeral({ content: words.cap(result.open) });
  if (result.kind === 'cooldown') {
    return ephemeral({
      content: words.cooldown(discordTimestamp(Math.ceil(result.retryAt.getTime() / 1000), 'R')),
    });
  }
  const channelId = settings?.suggestionsChannelId ?? null;
  // Shown to admins in the server's language, as scheduled posts are.
  const forAdmins = stringsFor(settings?.language ?? input.guildLocale ?? 'en').suggest;
  const effects: ReplyEffect[] = channelId
    ? [{ kind: 'post', channelId, body: renderSuggestionForAdmins(result.suggestion, forAdmins) }]
    : [];
  return ephemeral({ content: words.receipt(result.suggestion.id), effects });
}
