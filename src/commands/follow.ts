import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Agreement } from '../data/schema.js';
import { languageOf, stringsFor, type Strings } from '../i18n/index.js';
import { partnerLabel } from '../render/agreement.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import type { Follow } from '../store/follows.js';
import { partnerChoices, readPartnerOption } from './partner-option.js';
import type { CommandContext, CommandInput, CommunityContext, SlashCommand } from './types.js';

/** Agreements one member may follow: every agreement fits, so this only stops a script. */
export const MAX_FOLLOWS = 40;

const partnerOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: 'partner',
    description,
    required: true,
    autocomplete: true,
    max_length: 100,
  }) as const;

/**
 * Everything /follow and /unfollow answer is ephemeral and per member: a follow leaves no
 * trace in any channel. Before the answer, the member is told (once) if a DM was refused.
 */
async function withNotice(
  community: CommunityContext,
  input: CommandInput,
  strings: Strings,
  answer: () => Promise<ReplyBody>,
): Promise<ReplyBody> {
  let notice: boolean;
  try {
    notice = await community.store.follows.takeNotice(input.userId);
  } catch {
    return ephemeral({ content: strings.report.storeAway });
  }
  let body: ReplyBody;
  try {
    body = await answer();
  } catch {
    body = ephemeral({ content: strings.report.storeAway });
  }
  if (!notice) return body;
  return {
    ...body,
    content: [strings.follow.dmsClosed, body.content].filter(Boolean).join('\n\n'),
  };
}

function agreementName(ctx: CommandContext, id: string, strings: Strings): string {
  const agreement = ctx.data.agreementById.get(id);
  return agreement ? partnerLabel(agreement, strings) : id;
}

function renderFollowList(
  follows: readonly Follow[],
  ctx: CommandContext,
  strings: Strings,
): ReplyBody {
  const s = strings.follow;
  if (follows.length === 0) return ephemeral({ content: s.listEmpty });
  const lines = follows.map(
    (f) => `• ${agreementName(ctx, f.agreementId, strings)}${f.pausedAt ? ` (${s.paused})` : ''}`,
  );
  return ephemeral({ embeds: [{ title: s.listTitle, description: lines.join('\n') }] });
}

function readAgreement(input: CommandInput, ctx: CommandContext, strings: Strings) {
  return readPartnerOption(String(input.options.partner ?? ''), ctx.data, strings);
}

export const follow: SlashCommand = {
  ephemeral: true,
  data: {
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
  },

  autocomplete(input, ctx) {
    return partnerChoices(ctx.data, input.focused.value, input.locale);
  },

  respond(input, ctx) {
    const strings = stringsFor(input.locale);
    const community = ctx.community;
    if (!community) return ephemeral({ content: strings.report.notServed });
    return withNotice(community, input, strings, async () => {
      if (input.subcommand === 'list') {
        return renderFollowList(await community.store.follows.list(input.userId), ctx, strings);
      }
      const found = readAgreement(input, ctx, strings);
      if (found.kind === 'reply') return found.body;
      return addFollow(found.agreement, community, input, ctx, strings);
    });
  },
};

async function addFollow(
  agreement: Agreement,
  community: CommunityContext,
  input: CommandInput,
  ctx: CommandContext,
  strings: Strings,
): Promise<ReplyBody> {
  const s = strings.follow;
  const name = partnerLabel(agreement, strings);
  const added = await community.store.follows.add(
    input.userId,
    agreement.id,
    languageOf(input.locale),
    ctx.now(),
    MAX_FOLLOWS,
  );
  switch (added.kind) {
    case 'added':
      return ephemeral({ content: s.added(name) });
    case 'already':
      return ephemeral({ content: s.already(name) });
    case 'resumed':
      return ephemeral({ content: s.resumed(name, added.resumed) });
    case 'too-many':
      return ephemeral({ content: s.tooMany(added.max) });
  }
}

export const unfollow: SlashCommand = {
  ephemeral: true,
  data: {
    name: 'unfollow',
    description: 'Stop following an agreement',
    contexts: [0, 1],
    options: [partnerOption('The partner you follow')],
  },

  autocomplete(input, ctx) {
    return partnerChoices(ctx.data, input.focused.value, input.locale);
  },

  respond(input, ctx) {
    const strings = stringsFor(input.locale);
    const community = ctx.community;
    if (!community) return ephemeral({ content: strings.report.notServed });
    return withNotice(community, input, strings, async () => {
      const found = readAgreement(input, ctx, strings);
      if (found.kind === 'reply') return found.body;
      const name = partnerLabel(found.agreement, strings);
      const removed = await community.store.follows.remove(input.userId, found.agreement.id);
      return ephemeral({
        content: removed ? strings.follow.removed(name) : strings.follow.notFollowing(name),
      });
    });
  },
};
