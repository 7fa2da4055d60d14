import { truncate } from './fit.js';

/**
 * Characters a reader cannot see but that change what they see: zero-width and direction
 * formatting (Cf), fillers that render blank (U+3164, U+115F, variation selectors: the Default
 * Ignorable set), and lone surrogate halves, which are not text at all and make the JSON Discord
 * gets invalid.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;
const CONTROL = /\p{Cc}/gu;
const MARKDOWN = /[\\`*_~|>#[\]()<:@-]/g;

/**
 * Makes text a user typed safe to echo back: one line (line breaks and tabs become spaces, so
 * words on separate lines stay apart), no control, zero-width or direction-override characters,
 * markdown and mention syntax escaped so it shows as typed and cannot ping or break the layout,
 * and cut short.
 */
export function echoUserText(text: string, max = 60): string {
  const visible = text
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return truncate(visible, max).replace(MARKDOWN, (char) => `\\${char}`);
}

/**
 * Escapes markdown and mention syntax in a member's text kept whole (a suggested prompt): it
 * shows as typed, in full, with none of its characters able to restyle the message or ping.
 */
export function escapeUserMarkdown(text: string): string {
  return text.replace(MARKDOWN, (char) => `\\${char}`);
}
