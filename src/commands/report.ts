import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { fileReport } from '../community/file-report.js';
import { fieldChoices, findTarget, recordChoices } from '../community/report-targets.js';
import { REPORT_SOURCE_MAX, REPORT_TEXT_MAX } from '../community/report-text.js';
import { stringsFor } from '../i18n/index.js';
import { ephemeral } from '../render/reply.js';
import { defineCommand } from './types.js';

/** A member tells the maintainers a fact is wrong; the logic is in community/file-report.ts. */
export const report = defineCommand({
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
      const record = String(input.options['record'] ?? '');
      const target = findTarget(ctx.data, record, strings);
      return fieldChoices(ctx.data, target?.id ?? '', input.focused.value, strings);
    }
    return recordChoices(ctx.data, input.focused.value, strings);
  },

  respond(input, ctx) {
    const strings = stringsFor(input.locale);
    if (!ctx.community) return ephemeral({ content: strings.report.notServed });
    return fileReport(input.options, input, ctx.community, ctx, strings);
  },
});
