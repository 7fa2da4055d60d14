import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { CLOSE_NOTE_MAX, closeReport, listOpenReports } from '../community/operator-reports.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import type { ReplyBody } from '../render/reply.js';
import { ephemeral } from '../render/reply.js';
import type { ArgumentsOf } from './arguments.js';
import { routeSubcommand, type SubcommandHandlers } from './subcommands.js';
import {
  defineCommand,
  type CommandContext,
  type CommandInput,
  type CommunityContext,
} from './types.js';

const reportsData = {
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
} as const;

type ReportsInput = CommandInput<ArgumentsOf<typeof reportsData>>;

const reportsHandlers = {
  list: (_input, community, ctx, strings) => listOpenReports(community, ctx, strings),
  close: (input, community, ctx, strings) => closeReport(input.options, community, ctx, strings),
} satisfies SubcommandHandlers<
  ReportsInput,
  [community: CommunityContext, ctx: CommandContext, strings: Strings],
  Promise<ReplyBody>
>;

/**
 * The operator's view of fact reports: `list` the open ones, `close` one with a note. Only the
 * user named by OWNER_ID may use it; Discord hides it from members who cannot manage a server,
 * and the check here is the one that counts.
 */
export const reports = defineCommand({
  ephemeral: true,
  data: reportsData,
  respond(input, ctx) {
    const strings = stringsFor(input.locale);
    const community = ctx.community;
    if (!community) return ephemeral({ content: strings.report.notServed });
    if (community.ownerId === null || input.userId !== community.ownerId) {
      return ephemeral({ content: strings.reports.notOwner });
    }
    return routeSubcommand(reportsHandlers, input, community, ctx, strings);
  },
});
