import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import {
  addFollow,
  answerWithNotice,
  listFollows,
  removeFollow,
} from '../community/follow-answers.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import type { ArgumentsOf } from './arguments.js';
import { routeSubcommand, type SubcommandHandlers } from './subcommands.js';
import { partnerChoices, readPartnerOption } from './partner-option.js';
import {
  defineCommand,
  type AutocompleteInput,
  type CommandContext,
  type CommandInput,
  type CommunityContext,
} from './types.js';

const partnerOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: 'partner',
    description,
    required: true,
    autocomplete: true,
    max_length: 100,
  }) as const;

const followData = {
  name: 'follow',
  description: 'Get a DM on an agreement’s anniversary and when its data changes',
  contexts: [0, 1],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Follow an agreement',
      options: [partnerOption('The partner: Germany, UK, EU, 🇫🇷…')],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      description: 'The agreements you follow',
    },
  ],
} as const;

const unfollowData = {
  name: 'unfollow',
  description: 'Stop following an agreement',
  contexts: [0, 1],
  options: [partnerOption('The partner you follow')],
} as const;

type FollowInput = CommandInput<ArgumentsOf<typeof followData>>;

/** Each /follow subcommand's answer, once the member's notice is taken care of. */
const followHandlers = {
  add: async (input, community, ctx, strings) => {
    const found = readPartnerOption(input.options.partner, ctx.data, strings);
    if (found.kind === 'reply') return found.body;
    return addFollow(found.agreement, community, input, ctx, strings);
  },
  list: (input, community, ctx, strings) => listFollows(community, input, ctx, strings),
} satisfies SubcommandHandlers<
  FollowInput,
  [community: CommunityContext, ctx: CommandContext, strings: Strings],
  Promise<ReplyBody>
>;

/** Both commands: served only with a community store, every answer behind the DM notice. */
function answerCommunity(
  input: CommandInput<unknown>,
  ctx: CommandContext,
  answer: (community: CommunityContext, strings: Strings) => Promise<ReplyBody>,
): ReplyBody | Promise<ReplyBody> {
  const strings = stringsFor(input.locale);
  const community = ctx.community;
  if (!community) return ephemeral({ content: strings.report.notServed });
  return answerWithNotice(community, input, strings, () => answer(community, strings));
}

function suggestPartners(input: AutocompleteInput, ctx: CommandContext) {
  return partnerChoices(ctx.data, input.focused.value, input.locale);
}

export const follow = defineCommand({
  ephemeral: true,
  data: followData,
  autocomplete: suggestPartners,
  respond: (input, ctx) =>
    answerCommunity(input, ctx, (community, strings) =>
      routeSubcommand(followHandlers, input, community, ctx, strings),
    ),
});

export const unfollow = defineCommand({
  ephemeral: true,
  data: unfollowData,
  autocomplete: suggestPartners,
  respond: (input, ctx) =>
    answerCommunity(input, ctx, async (community, strings) => {
      const found = readPartnerOption(input.options.partner, ctx.data, strings);
      if (found.kind === 'reply') return found.body;
      return removeFollow(found.agreement, community, input, strings);
    }),
});
