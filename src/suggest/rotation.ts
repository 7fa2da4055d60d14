import type { Prompt, PromptBank } from '../schedule/prompts.js';
import type { Suggestion } from '../store/suggestions.js';

/**
 * Approved suggestions as prompts of a server's own rotation. They go before the built-in bank,
 * in the order they were approved, so a newly approved one is the server's next prompt; after a
 * round of the whole rotation they come round again with the bank.
 */

/** Ids of prompts made from suggestions: apart from the bank's slugs, which never start so. */
export const SUGGESTION_PROMPT_PREFIX = 's-';

export function isSuggestionPromptId(id: string | null | undefined): boolean {
  return id?.startsWith(SUGGESTION_PROMPT_PREFIX) ?? false;
}

/** A prompt made from a suggestion, with its author's id for the credit. */
export interface SuggestedPrompt extends Prompt {
  suggestedBy: string;
}

export function suggestionPrompt(suggestion: Suggestion): SuggestedPrompt {
  return {
    id: `${SUGGESTION_PROMPT_PREFIX}${suggestion.id}`,
    // A member writes in their own language; both languages show it as they wrote it.
    question: { en: suggestion.question, uk: suggestion.question },
    agreementIds: [],
    quoteIds: [],
    recordIds: [],
    poll: suggestion.answers
      ? {
          answers: { en: [...suggestion.answers], uk: [...suggestion.answers] },
          allowMultiselect: false,
        }
      : null,
    suggestedBy: suggestion.authorId,
  };
}

/** Who suggested a prompt of a server's bank; null for the built-in ones. */
export function suggestedByOf(prompt: Prompt): string | null {
  return 'suggestedBy' in prompt && typeof prompt.suggestedBy === 'string'
    ? prompt.suggestedBy
    : null;
}

/** The bank as one server sees it: its approved suggestions, then the built-in prompts. */
export function bankWithSuggestions(bank: PromptBank, approved: readonly Suggestion[]): PromptBank {
  if (approved.length === 0) return bank;
  const own = approved.map(suggestionPrompt);
  const prompts = [...own, ...bank.prompts];
  return { prompts, byId: new Map(prompts.map((p) => [p.id, p])) };
}
