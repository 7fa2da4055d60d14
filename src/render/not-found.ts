import type { Strings } from '../i18n/index.js';
import { ephemeral, type ReplyBody } from './reply.js';

/** An ephemeral answer to a name we could not resolve, with what the user may have meant. */
export function renderNotFound(
  message: string,
  suggestions: readonly string[],
  hint: string,
  strings: Strings,
): ReplyBody {
  const lines = [message];
  if (suggestions.length > 0) {
    lines.push(
      strings.notFound.didYouMean(
        joinOr(
          suggestions.map((s) => `**${s}**`),
          strings,
        ),
      ),
    );
  }
  lines.push(hint);
  return ephemeral({ content: lines.join('\n') });
}

function joinOr(items: readonly string[], strings: Strings): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${strings.notFound.or}${items.at(-1)}`;
}
