import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { stringsFor, type Strings } from '../i18n/index.js';
import { discordTimestamp } from '../render/format.js';
import { ephemeral, type ReplyBody, type ReplyEffect } from '../render/reply.js';
import {
  denyModal,
  renderOutcomeDm,
  renderQueuePage,
  renderSuggestionForAdmins,
} from '../render/suggestions.js';
import type { SuggestionProblem } from '../suggest/check.js';
import { checkSuggestion } from '../suggest/check.js';
import type { GuildSettings } from '../store/domain.js';
import {
  DENIAL_REASON_MAX,
  SUGGESTION_QUESTION_MAX,
  type SuggestionLimits,
  type SuggestionState,
  type SuggestionsPort,
} from '../store/suggestions.js';
import { hasManageGuild } from './schedule-checks.js';
import type { ButtonInput, CommandContext, CommandInput, SlashCommand } from './types.js';

type SuggestStrings = Strings['suggest'];

/**
 * A member may have three suggestions waiting in a server, and make one every ten minutes:
 * enough for someone with ideas, too few to flood an admin's queue.
 */
export const SUGGESTION_LIMITS: SuggestionLimits = { maxOpen: 3, cooldownMs: 10 * 60_000 };

const STATES: readonly SuggestionState[] = ['open', 'approved', 'denied'];

export function problemText(problem: SuggestionProblem, s: SuggestStrings): string {
  switch (problem.kind) {
    case 'too-short':
      return s.tooShort(problem.min);
    case 'too-long':
      return s.tooLong(problem.max);
    case 'mention':
      return s.mention;
    case 'link':
      return s.link;
    case 'answers-count':
      return s.answersCount(problem.min, problem.max);
    case 'answer-too-long':
      return s.answerTooLong(problem.max);
    case 'answers-duplicate':
      return s.answersDuplicate;
  }
}

/** The store failed: the member hears "try again shortly", and nothing half-done stays. */
class SuggestionsAway extends Error {}

async function readSettings(ctx: CommandContext, guildId: string): Promise<GuildSettings | null> {
  try {
    return (await ctx.schedule!.store.settings.get(guildId))?.value ?? null;
  } catch {
    throw new SuggestionsAway();
  }
}

async function submit(input: CommandInput, ctx: CommandContext): Promise<ReplyBody> {
  const s = stringsFor(input.locale).suggest;
  if (!input.guildId) return ephemeral({ content: s.notInGuild });
  if (!ctx.schedule) return ephemeral({ content: s.notServed });
  const guildId = input.guildId;
  const settings = await readSettings(ctx, guildId);
  const answers = input.options['answers'];
  const check = checkSuggestion(
    String(input.options['question'] ?? ''),
    typeof answers === 'string' ? answers : null,
    { allowLinks: settings?.suggestionLinks ?? false },
  );
  if (check.kind === 'invalid') return ephemeral({ content: problemText(check.problem, s) });
  let made;
  try {
    made = await ctx.schedule.store.suggestions.create(
      { guildId, authorId: input.userId, question: check.question, answers: check.answers },
      SUGGESTION_LIMITS,
    );
  } catch {
    throw new SuggestionsAway();
  }
  if (made.kind === 'cap') return ephemeral({ content: s.cap(made.open) });
  if (made.kind === 'cooldown') {
    return ephemeral({
      content: s.cooldown(discordTimestamp(Math.ceil(made.retryAt.getTime() / 1000), 'R')),
    });
  }
  const channelId = settings?.suggestionsChannelId ?? null;
  // Shown to admins in the server's language, as scheduled posts are.
  const forAdmins = stringsFor(settings?.language ?? input.guildLocale ?? 'en').suggest;
  const effects: ReplyEffect[] = channelId
    ? [
        {
          kind: 'post',
          channelId,
          body: renderSuggestionForAdmins(made.suggestion, forAdmins),
        },
      ]
    : [];
  return ephemeral({ content: s.receipt(made.suggestion.id), effects });
}

/** One page of a guild's suggestions in a state; an index past the end shows the last. */
export async function queuePage(
  port: SuggestionsPort,
  guildId: string,
  state: SuggestionState,
  index: number,
  s: SuggestStrings,
  notice?: string,
): Promise<ReplyBody> {
  let at = Math.max(0, index);
  let page = await port.list(guildId, state, at, 1);
  if (page.items.length === 0 && page.total > 0) {
    at = page.total - 1;
    page = await port.list(guildId, state, at, 1);
  }
  return renderQueuePage(
    {
      state,
      index: at,
      total: page.total,
      suggestion: page.items[0],
      ...(notice ? { notice } : {}),
    },
    s,
  );
}

function parseState(text: string | undefined): SuggestionState {
  return STATES.find((state) => state === text) ?? 'open';
}

function parseIndex(text: string | undefined): number {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * A click in the queue (or the reason modal's submit). The decision names the version the admin
 * saw: of two admins clicking at once, one decides, and the other is shown what stands.
 */
async function decideFromQueue(input: ButtonInput, ctx: CommandContext): Promise<ReplyBody> {
  const s = stringsFor(input.locale).suggest;
  const schedule = stringsFor(input.locale).schedule;
  if (!input.guildId) return { content: s.notInGuild };
  if (!hasManageGuild(input.memberPermissions)) return { content: schedule.notAdmin };
  if (!ctx.schedule) return { content: s.notServed };
  const port = ctx.schedule.store.suggestions;
  const guildId = input.guildId;
  const [action, ...rest] = input.args;
  if (action === 'page') {
    return queuePage(port, guildId, parseState(rest[0]), parseIndex(rest[1]), s);
  }
  const [id = '', versionText, stateText, indexText] = rest;
  const version = Number.parseInt(versionText ?? '', 10);
  const state = parseState(stateText);
  const index = parseIndex(indexText);
  if (action === 'deny') {
    // Ask for the reason first: nothing is decided until the modal is sent.
    return { modal: denyModal({ id, version }, state, index, s) };
  }
  if (action !== 'approve' && action !== 'reason') return { content: s.notFound };
  const reasonText = input.options['reason'];
  const reason =
    typeof reasonText === 'string' && reasonText.trim() !== ''
      ? reasonText.trim().slice(0, DENIAL_REASON_MAX)
      : null;
  const result = await port.decide(guildId, id, version, {
    state: action === 'approve' ? 'approved' : 'denied',
    by: input.userId,
    reason,
  });
  if (result.kind === 'not-found') return queuePage(port, guildId, state, index, s, s.notFound);
  if (result.kind === 'conflict') {
    return queuePage(
      port,
      guildId,
      state,
      index,
      s,
      s.alreadyDecided(result.current.id, s.states[result.current.state]),
    );
  }
  const decided = result.suggestion;
  // The author hears in the server's language; the DM names the server, never pings.
  const settings = await ctx.schedule.store.settings.get(guildId).catch(() => null);
  const forAuthor = stringsFor(settings?.value.language ?? input.guildLocale ?? 'en').suggest;
  const dm: ReplyEffect = {
    kind: 'dm',
    userId: decided.authorId,
    body: renderOutcomeDm(decided, input.guildName ?? forAuthor.thisServer, forAuthor),
    suggestion: { guildId, id: decided.id },
  };
  const notice = decided.state === 'approved' ? s.approved(decided.id) : s.denied(decided.id);
  // The same place in the list now holds the next one.
  const page = await queuePage(port, guildId, state, index, s, notice);
  return { ...page, effects: [dm] };
}

async function guarded(
  locale: string,
  work: () => Promise<ReplyBody>,
  asReply: boolean,
): Promise<ReplyBody> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SuggestionsAway) && !isStoreError(error)) throw error;
    const storage = stringsFor(locale).storage;
    return asReply ? ephemeral({ content: storage.unavailable }) : { content: storage.unavailable };
  }
}

function isStoreError(error: unknown): boolean {
  return error instanceof Error && error.name === 'StoreUnavailableError';
}

export const suggest: SlashCommand = {
  ephemeral: true,
  data: {
    name: 'suggest',
    description: 'Suggest a discussion prompt for this server; its admins decide',
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'The question to discuss (10 to 300 characters)',
        required: true,
        max_length: SUGGESTION_QUESTION_MAX,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'answers',
        description: 'Poll answers, 2 to 10, separated by ; (e.g. Yes; No; Not sure)',
        max_length: 600,
      },
    ],
  },
  respond: (input, ctx) => guarded(input.locale, () => submit(input, ctx), true),
  button: (input, ctx) => guarded(input.locale, () => decideFromQueue(input, ctx), false),
  modal: (input, ctx) => guarded(input.locale, () => decideFromQueue(input, ctx), false),
};
