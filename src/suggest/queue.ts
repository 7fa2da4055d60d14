import { hasManageGuild } from '../commands/schedule.js';
import type { ButtonInput, CommandContext, ScheduleContext } from '../commands/types.js';
import { attemptStore } from '../community/store-attempt.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import type { ReplyBody, ReplyEffect } from '../render/reply.js';
import { denyModal, renderOutcomeDm, renderQueuePage } from '../render/suggestions.js';
import {
  DENIAL_REASON_MAX,
  type Suggestion,
  type SuggestionState,
  type SuggestionsPort,
} from '../store/suggestions.js';

type SuggestStrings = Strings['suggest'];

const STATES: readonly SuggestionState[] = ['open', 'approved', 'denied'];

/** One page of a guild's suggestions in a state; an index past the end shows the last. */
export async function queuePage(
  port: SuggestionsPort,
  guildId: string,
  state: SuggestionState,
  index: number,
  words: SuggestStrings,
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
    words,
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
export async function decideFromQueue(input: ButtonInput, ctx: CommandContext): Promise<ReplyBody> {
  const strings = stringsFor(input.locale);
  const words = strings.suggest;
  if (!input.guildId) return { content: words.notInGuild };
  if (!hasManageGuild(input.memberPermissions)) return { content: strings.schedule.notAdmin };
  if (!ctx.schedule) return { content: words.notServed };
  const port = ctx.schedule.store.suggestions;
  const guildId = input.guildId;
  const [action, ...rest] = input.args;
  if (action === 'page') {
    return queuePage(port, guildId, parseState(rest[0]), parseIndex(rest[1]), words);
  }
  const [id = '', versionText, stateText, indexText] = rest;
  const version = Number.parseInt(versionText ?? '', 10);
  const state = parseState(stateText);
  const index = parseIndex(indexText);
  if (action === 'deny') {
    // Ask for the reason first: nothing is decided until the modal is sent.
    return { modal: denyModal({ id, version }, state, index, words) };
  }
  if (action !== 'approve' && action !== 'reason') return { content: words.notFound };
  const reasonText = input.options['reason'];
  const reason =
    typeof reasonText === 'string' && reasonText.trim() !== ''
      ? reasonText.trim().slice(0, DENIAL_REASON_MAX)
      : null;
  const decided = await attemptStore(() =>
    port.decide(guildId, id, version, {
      state: action === 'approve' ? 'approved' : 'denied',
      by: input.userId,
      reason,
    }),
  );
  if (decided.kind === 'failed') return { content: strings.storage.notSaved };
  const result = decided.value;
  if (result.kind === 'not-found') {
    return queuePage(port, guildId, state, index, words, words.notFound);
  }
  if (result.kind === 'conflict') {
    const current = result.current;
    const notice = words.alreadyDecided(current.id, words.states[current.state]);
    return queuePage(port, guildId, state, index, words, notice);
  }
  const suggestion = result.suggestion;
  const dm = await tellAuthor(suggestion, guildId, input, ctx.schedule);
  const notice =
    suggestion.state === 'approved' ? words.approved(suggestion.id) : words.denied(suggestion.id);
  // The same place in the list now holds the next one.
  const page = await queuePage(port, guildId, state, index, words, notice);
  return { ...page, effects: [dm] };
}

/** The author hears in the server's language; the DM names the server, never pings. */
async function tellAuthor(
  decided: Suggestion,
  guildId: string,
  input: ButtonInput,
  schedule: ScheduleContext,
): Promise<ReplyEffect> {
  const settings = await schedule.store.settings.get(guildId).catch(() => null);
  const forAuthor = stringsFor(settings?.value.language ?? input.guildLocale ?? 'en').suggest;
  return {
    kind: 'dm',
    userId: decided.authorId,
    body: renderOutcomeDm(decided, input.guildName ?? forAuthor.thisServer, forAuthor),
    suggestion: { guildId, id: decided.id },
  };
}
