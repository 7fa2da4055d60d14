import { truncate } from './fit.js';

const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const MARKDOWN = /[\\`*_~|>#[\]()<:@-]/g;

/**
 * Makes text a user typed safe to echo back: no control, zero-width or direction-override
 * characters, markdown and mention syntax escaped so it shows as typed and cannot ping or
 * break the layout, and cut short.
 */
export function echoUserText(text: string, max = 60): string {
  const visible = text.replace(INVISIBLE_OR_CONTROL, '').replace(/\s+/g, ' ').trim();
  return truncate(visible, max).replace(MARKDOWN, (char) => `\\${char}`);
}
