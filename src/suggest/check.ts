import {
  SUGGESTION_ANSWER_MAX,
  SUGGESTION_ANSWERS_MAX,
  SUGGESTION_QUESTION_MAX,
  SUGGESTION_QUESTION_MIN,
} from '../store/suggestions.js';

/**
 * The checks a member's suggestion passes before it is stored: pure, so the command, the
 * preview and the tests share them. The text is cleaned first (invisible and control characters
 * out, whitespace folded), then measured, so what is checked is what would be posted.
 */

export type SuggestionProblem =
  | { kind: 'too-short'; min: number }
  | { kind: 'too-long'; max: number }
  | { kind: 'mention' }
  | { kind: 'link' }
  | { kind: 'answers-count'; min: number; max: number }
  | { kind: 'answer-too-long'; max: number }
  | { kind: 'answers-duplicate' };

export type SuggestionCheck =
  | { kind: 'ok'; question: string; answers: string[] | null }
  | { kind: 'invalid'; problem: SuggestionProblem };

/** Zero-width, direction overrides, fillers that render blank, lone surrogates (cf. user-text.ts). */
const INVISIBLE = /[\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;
const CONTROL = /\p{Cc}/gu;

/**
 * Anything Discord would turn into a ping if a message allowed it: @everyone, @here, a user or
 * role mention. The bot's posts allow none of these, but a suggestion carrying one is refused
 * anyway: an admin may copy it somewhere that does, and it is never a discussion question.
 */
const MENTION = /@(everyone|here)\b|<@[!&]?\d+>/i;

/** Links and invites, with or without a scheme; bare domains on the common endings. */
const LINK =
  /\b(?:https?:\/\/|www\.)\S|discord(?:app)?\.(?:gg|com\/invite)\/|\b[a-z0-9-]{2,}\.(?:com|net|org|info|io|gg|ua|ru|me|ly|co|xyz|link|site|app|dev|tv|eu|uk|be|to)\b(?:\/|$|\s|[.,!?)])/i;

/** One line of visible text: what a member typed, as it would show. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Answers as typed in one option: separated by `;` or `|`, blanks dropped. */
export function splitAnswers(text: string): string[] {
  return text
    .split(/[;|]/)
    .map(cleanText)
    .filter((answer) => answer.length > 0);
}

export function checkSuggestion(
  questionText: string,
  answersText: string | null,
  options: { allowLinks: boolean },
): SuggestionCheck {
  const question = cleanText(questionText);
  const invalid = (problem: SuggestionProblem): SuggestionCheck => ({ kind: 'invalid', problem });
  if ([...question].length < SUGGESTION_QUESTION_MIN) {
    return invalid({ kind: 'too-short', min: SUGGESTION_QUESTION_MIN });
  }
  if (question.length > SUGGESTION_QUESTION_MAX) {
    return invalid({ kind: 'too-long', max: SUGGESTION_QUESTION_MAX });
  }
  const answers = answersText === null ? null : splitAnswers(answersText);
  const all = [question, ...(answers ?? [])];
  if (all.some((text) => MENTION.test(text))) return invalid({ kind: 'mention' });
  if (!options.allowLinks && all.some((text) => LINK.test(text))) return invalid({ kind: 'link' });
  if (answers === null || (answersText !== null && answers.length === 0)) {
    return { kind: 'ok', question, answers: null };
  }
  if (answers.length < 2 || answers.length > SUGGESTION_ANSWERS_MAX) {
    return invalid({ kind: 'answers-count', min: 2, max: SUGGESTION_ANSWERS_MAX });
  }
  if (answers.some((a) => a.length > SUGGESTION_ANSWER_MAX)) {
    return invalid({ kind: 'answer-too-long', max: SUGGESTION_ANSWER_MAX });
  }
  if (new Set(answers.map((a) => a.toLowerCase())).size !== answers.length) {
    return invalid({ kind: 'answers-duplicate' });
  }
  return { kind: 'ok', question, answers };
}
