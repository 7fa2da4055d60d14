import type { Strings } from '../i18n/index.js';
import { truncate } from './fit.js';
import { LIMITS } from './limits.js';
import { ephemeral, type ReplyBody } from './reply.js';

/** More than a handful of guesses is no help; the hint points to the full list. */
export const MAX_SUGGESTIONS = 5;
const MAX_MESSAGE = 500;

/** An ephemeral answer to a name we could not resolve, with what the user may have meant. */
export function renderNotFound(
  message: string,
  suggestions: readonly string[],
  hint: string,
  strings: Strings,
): ReplyBody {
  const lines = [truncate(message, MAX_MESSAGE)];
  if (suggestions.length > 0) {
    const names = suggestions
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => `**${truncate(s, LIMITS.choiceName)}**`);
    lines.push(strings.notFound.didYouMean(joinOr(names, strings)));
  }
  // The hint may list every speaker we know: it gets what room is left, so the message fits.
  const used = lines.reduce((sum, line) => sum + line.length + 1, 0);
  lines.push(truncate(hint, LIMITS.content - used));
  return ephemeral({ content: lines.join('\n') });
}

function joinOr(items: readonly string[], strings: Strings): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${strings.notFound.or}${items.at(-1)}`;
}
