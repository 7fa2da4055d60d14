import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { LIMITS } from './limits.js';

const ELLIPSIS = '…';

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, Math.max(0, end)) + ELLIPSIS;
}

/**
 * Joins lines into one block of at most `max` characters, dropping whole lines from the end and
 * saying how many were left out, so a list never ends mid-word.
 */
export function joinLines(
  lines: readonly string[],
  max: number,
  more: (n: number) => string,
): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const remaining = lines.length - index - 1;
    const tail = remaining > 0 ? `\n${more(remaining)}` : '';
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    if (length + added + tail.length > max) {
      const note = more(lines.length - index);
      if (kept.length === 0) return truncate(line, max);
      return `${kept.join('\n')}\n${note}`;
    }
    kept.push(line);
    length += added;
  }
  return kept.join('\n');
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/**
 * Holds an embed to every Discord limit: each part cut to its own limit, then, while the whole is
 * over 6000, fields dropped from the end and the description shortened. Renderers aim well under
 * the limits; this is the last guard that makes "within Discord's limits" true for any data.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, LIMITS.embedTitle);
  if (fitted.description !== undefined) {
    fitted.description = truncate(fitted.description, LIMITS.embedDescription);
  }
  if (fitted.footer)
    fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, LIMITS.embedFooter) };
  if (fitted.author)
    fitted.author = { ...fitted.author, name: truncate(fitted.author.name, LIMITS.embedAuthor) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, LIMITS.embedFields).map((field): APIEmbedField => ({
      ...field,
      name: truncate(field.name, LIMITS.embedFieldName) || '\u200b',
      value: truncate(field.value, LIMITS.embedFieldValue) || '\u200b',
    }));
  }
  while (embedLength(fitted) > LIMITS.embedTotal && fitted.fields && fitted.fields.length > 0) {
    fitted.fields = fitted.fields.slice(0, -1);
  }
  const over = embedLength(fitted) - LIMITS.embedTotal;
  if (over > 0 && fitted.description) {
    fitted.description = truncate(
      fitted.description,
      Math.max(1, fitted.description.length - over),
    );
  }
  return fitted;
}

/** The characters all embeds of a message count against the 6000 total. */
export function totalEmbedLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}
