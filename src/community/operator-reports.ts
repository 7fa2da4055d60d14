import type { CommandContext, CommunityContext } from '../commands/types.js';
import type { Strings } from '../i18n/index.js';
import { renderOpenReports } from '../render/report.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { echoUserText } from '../render/user-text.js';
import { reportTargets } from './report-targets.js';
import { cleanReportText } from './report-text.js';
import { attemptStore } from './store-attempt.js';

/** Open reports shown at once: the oldest first, as many as one embed holds. */
export const REPORTS_PAGE = 10;
export const CLOSE_NOTE_MAX = 1000;

/** The open reports, oldest first; a read that fails says nothing was changed. */
export async function listOpenReports(
  community: CommunityContext,
  ctx: CommandContext,
  strings: Strings,
): Promise<ReplyBody> {
  const read = await attemptStore(() => community.store.reports.listOpen(REPORTS_PAGE + 1));
  if (read.kind === 'failed') return ephemeral({ content: strings.report.storeAway });
  const open = read.value;
  if (open.length === 0) return ephemeral({ content: strings.reports.none });
  const labels = new Map(reportTargets(ctx.data, strings).map((t) => [t.id, t.label]));
  const embed = renderOpenReports(
    open.slice(0, REPORTS_PAGE),
    open.length > REPORTS_PAGE,
    (recordId) => labels.get(recordId) ?? recordId,
    strings,
  );
  return ephemeral({ embeds: [embed] });
}

/** Closes a report with the operator's note; a write that fails says it was not saved. */
export async function closeReport(
  typed: { id: string; note: string },
  community: CommunityContext,
  ctx: CommandContext,
  strings: Strings,
): Promise<ReplyBody> {
  const words = strings.reports;
  const id = typed.id.trim();
  const note = cleanReportText(typed.note);
  if (note.length > CLOSE_NOTE_MAX)
    return ephemeral({ content: words.noteTooLong(CLOSE_NOTE_MAX) });
  const closed = await attemptStore(() =>
    community.store.reports.close(id, note || '—', ctx.now()),
  );
  if (closed.kind === 'failed') return ephemeral({ content: strings.storage.notSaved });
  const shown = echoUserText(id, 32);
  switch (closed.value.kind) {
    case 'not-found':
      return ephemeral({ content: words.notFound(shown) });
    case 'already-closed':
      return ephemeral({ content: words.alreadyClosed(shown) });
    case 'closed':
      return ephemeral({ content: words.closed(shown) });
  }
}
