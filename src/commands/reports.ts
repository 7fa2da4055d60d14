import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { reportTargets } from '../community/report-targets.js';
import { stringsFor } from '../i18n/index.js';
import { renderOpenReports } from '../render/report.js';
import { ephemeral } from '../render/reply.js';
import { echoUserText } from '../render/user-text.js';
import { cleanReportText } from './report.js';
import type { SlashCommand } from './types.js';

/** Open reports shown at once: the oldest first, as many as one embed holds. */
export const REPORTS_PAGE = 10;
export const CLOSE_NOTE_MAX = 1000;

/**
 * The operator's view of fact reports: `list` the open ones, `close` one with a note. Only the
 * user named by OWNER_ID may use it; Discord hides it from members who cannot manage a server,
 * and the check here is the one that counts.
 */
export const reports: SlashCommand = {
  ephemeral: true,
  data: {
    name: 'reports',
    description: 'For the bot’s operator: open fact reports, and closing them',
    default_member_permissions: '0',
    contexts: [0, 1],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'list',
        description: 'The open reports, oldest first',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'close',
        description: 'Close a report with a note',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'id',
            description: 'The report’s id',
            required: true,
            max_length: 32,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'note',
            description: 'What was done: fixed, not an error, needs a source…',
            required: true,
            max_length: CLOSE_NOTE_MAX,
          },
        ],
      },
    ],
  },

  async respond(input, ctx) {
    const strings = stringsFor(input.locale);
    const s = strings.reports;
    const community = ctx.community;
    if (!community) return ephemeral({ content: strings.report.notServed });
    if (community.ownerId === null || input.userId !== community.ownerId) {
      return ephemeral({ content: s.notOwner });
    }
    try {
      if (input.subcommand === 'close') {
        const id = String(input.options.id ?? '').trim();
        const note = cleanReportText(String(input.options.note ?? ''));
        if (note.length > CLOSE_NOTE_MAX)
          return ephemeral({ content: s.noteTooLong(CLOSE_NOTE_MAX) });
        const closed = await community.store.reports.close(id, note || '—', ctx.now());
        const shown = echoUserText(id, 32);
        if (closed.kind === 'not-found') return ephemeral({ content: s.notFound(shown) });
        if (closed.kind === 'already-closed') return ephemeral({ content: s.alreadyClosed(shown) });
        return ephemeral({ content: s.closed(shown) });
      }
      const open = await community.store.reports.listOpen(REPORTS_PAGE + 1);
      if (open.length === 0) return ephemeral({ content: s.none });
      const labels = new Map(reportTargets(ctx.data, strings).map((t) => [t.id, t.label]));
      const embed = renderOpenReports(
        open.slice(0, REPORTS_PAGE),
        open.length > REPORTS_PAGE,
        (recordId) => labels.get(recordId) ?? recordId,
        strings,
      );
      return ephemeral({ embeds: [embed] });
    } catch {
      return ephemeral({ content: strings.report.storeAway });
    }
  },
};
