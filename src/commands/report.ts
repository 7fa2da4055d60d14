import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import {
  fieldChoices,
  fieldLabel,
  findTarget,
  recordChoices,
} from '../community/report-targets.js';
import { stringsFor } from '../i18n/index.js';
import { discordTimestamp } from '../render/format.js';
import { ephemeral } from '../render/reply.js';
import { echoUserText } from '../render/user-text.js';
import type { ReportLimits } from '../store/reports.js';
import type { SlashCommand } from './types.js';

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

export const report: SlashCommand = {
  ephemeral: true,
  data: {
    name: 'report',
    description: 'Report a wrong fact to the bot’s maintainers',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'record',
        description: 'The agreement or record, e.g. Germany',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'field',
        description: 'Which fact of it is wrong',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'what',
        description: 'What is wrong, and what it should say',
        required: true,
        max_length: REPORT_TEXT_MAX,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'source',
        description: 'A link to a source that shows it (optional)',
        max_length: REPORT_SOURCE_MAX,
      },
    ],
  },

  autocomplete(input, ctx) {
    const strings = stringsFor(input.locale);
    if (input.focused.name === 'field') {
      const record = String(input.options.record ?? '');
      const target = findTarget(ctx.data, record, strings);
      return fieldChoices(ctx.data, target?.id ?? '', input.focused.value, strings);
    }
    return recordChoices(ctx.data, input.focused.value, strings);
  },

  async respond(input, ctx) {
    const strings = stringsFor(input.locale);
    const s = strings.report;
    if (!ctx.community) return ephemeral({ content: s.notServed });
    const typedRecord = String(input.options.record ?? '');
    const target = findTarget(ctx.data, typedRecord, strings);
    if (!target) return ephemeral({ content: s.unknownRecord(echoUserText(typedRecord)) });
    const field = String(input.options.field ?? '').trim();
    if (!target.fields.includes(field)) {
      // A field's label typed instead of picked ("signing date") is understood too.
      const byLabel = target.fields.find(
        (f) => fieldLabel(f, strings).toLowerCase() === field.toLowerCase(),
      );
      if (!byLabel) return ephemeral({ content: s.unknownField(echoUserText(field)) });
      return save(byLabel);
    }
    return save(field);

    async function save(fieldKey: string) {
      const text = cleanReportText(String(input.options.what ?? ''));
      if (text.length < REPORT_TEXT_MIN) return ephemeral({ content: s.tooShort(REPORT_TEXT_MIN) });
      if (text.length > REPORT_TEXT_MAX) return ephemeral({ content: s.tooLong(REPORT_TEXT_MAX) });
      const typedSource = input.options.source;
      let sourceUrl: string | null = null;
      if (typeof typedSource === 'string' && typedSource.trim() !== '') {
        sourceUrl = readSourceUrl(typedSource);
        if (sourceUrl === null) return ephemeral({ content: s.badSource });
      }
      const community = ctx.community!;
      let created;
      try {
        created = await community.store.reports.create(
          {
            id: community.newReportId(),
            guildId: input.guildId,
            reporterId: input.userId,
            recordId: target!.id,
            field: fieldKey,
            text,
            sourceUrl,
            createdAt: ctx.now(),
          },
          REPORT_LIMITS,
        );
      } catch {
        return ephemeral({ content: strings.storage.notSaved });
      }
      if (created.kind === 'limited') {
        const when = discordTimestamp(Math.ceil(created.retryAt.getTime() / 1000), 'R');
        return ephemeral({
          content: created.scope === 'member' ? s.limitedMember(when) : s.limitedGuild(when),
        });
      }
      const delivered = await community.deliverReport(created.report);
      if (delivered) {
        // Listed either way; the mark only tells the operator which ones their channel has.
        await community.store.reports.markDelivered(created.report.id).catch(() => undefined);
      }
      const id = created.report.id;
      return ephemeral({ content: delivered ? s.received(id) : s.receivedUndelivered(id) });
    }
  },
};
