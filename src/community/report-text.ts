import type { ReportLimits } from '../store/reports.js';

/** A member may send 3 reports an hour, a server 10 a day: enough to correct, not to flood. */
export const REPORT_LIMITS: ReportLimits = {
  perMember: { max: 3, windowMs: 60 * 60 * 1000 },
  perGuild: { max: 10, windowMs: 24 * 60 * 60 * 1000 },
};
export const REPORT_TEXT_MIN = 5;
export const REPORT_TEXT_MAX = 1000;
export const REPORT_SOURCE_MAX = 500;

/** Invisible and control characters carry nothing a maintainer can check: dropped before storing. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;

/** The member's words as stored: line breaks kept (they may list points), the rest made plain. */
export function cleanReportText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A web address, or null: anything else (javascript:, a bare word) is refused. */
export function readSourceUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > REPORT_SOURCE_MAX) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
