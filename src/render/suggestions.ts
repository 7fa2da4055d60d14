import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { Strings } from '../i18n/index.js';
import type { Suggestion, SuggestionState } from '../store/suggestions.js';
import { DENIAL_REASON_MAX } from '../store/suggestions.js';
import { fitEmbed, truncate } from './fit.js';
import { discordTimestamp } from './format.js';
import type { ReplyBody } from './reply.js';
import { escapeUserMarkdown } from './user-text.js';

type SuggestStrings = Strings['suggest'];

/** A suggestion's text in a message: whole, its markdown escaped, so it shows as typed. */
export function shownText(text: string, max = 1000): string {
  return escapeUserMarkdown(truncate(text, max));
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The embed admins see of one suggestion; mentions in an embed show a name and never ping. */
export function suggestionEmbed(
  suggestion: Suggestion,
  words: SuggestStrings,
  title: string,
): APIEmbed {
  const fields = [
    { name: words.question, value: shownText(suggestion.question) },
    ...(suggestion.answers
      ? [
          {
            name: words.answers,
            value: suggestion.answers.map((a) => `• ${shownText(a, 60)}`).join('\n'),
          },
        ]
      : []),
    { name: words.by, value: `<@${suggestion.authorId}>`, inline: true },
    { name: words.when, value: discordTimestamp(seconds(suggestion.createdAt), 'R'), inline: true },
    ...(suggestion.state !== 'open' && suggestion.decidedBy && suggestion.decidedAt
      ? [
          {
            name: words.states[suggestion.state],
            value: words.decidedBy(
              `<@${suggestion.decidedBy}>`,
              discordTimestamp(seconds(suggestion.decidedAt), 'R'),
            ),
            inline: true,
          },
        ]
      : []),
    ...(suggestion.reason
      ? [{ name: words.reason, value: shownText(suggestion.reason, 300) }]
      : []),
  ];
  return fitEmbed({ title, color: 0x5865f2, fields, footer: { text: `#${suggestion.id}` } });
}

/** What the suggestions channel gets for each new suggestion. */
export function renderSuggestionForAdmins(
  suggestion: Suggestion,
  words: SuggestStrings,
): ReplyBody {
  return {
    content: words.channelHint,
    embeds: [suggestionEmbed(suggestion, words, words.channelTitle(suggestion.id))],
  };
}

/*
 * The queue's buttons carry everything a click needs, so they work after a restart:
 * `suggest:approve:<id>:<version>:<state>:<index>` and `suggest:deny:…` (the version the admin
 * saw: the decision is written only if it is still the stored one), `suggest:page:<state>:<index>`.
 * A denial opens a modal `suggest:reason:<id>:<version>:<state>:<index>` for its optional reason.
 */
export type QueueAction = 'approve' | 'deny' | 'page' | 'reason';

export function queueCustomId(
  action: Exclude<QueueAction, 'page'>,
  suggestion: Pick<Suggestion, 'id' | 'version'>,
  state: SuggestionState,
  index: number,
): string {
  return `suggest:${action}:${suggestion.id}:${suggestion.version}:${state}:${index}`;
}

export function pageCustomId(state: SuggestionState, index: number): string {
  return `suggest:page:${state}:${index}`;
}

export interface QueuePageInput {
  state: SuggestionState;
  index: number;
  total: number;
  /** The suggestion at `index`; undefined when there are none. */
  suggestion: Suggestion | undefined;
  /** A line above the page: what the last click did. */
  notice?: string;
}

/** One page of the queue: one suggestion, the buttons that decide it, and the way on. */
export function renderQueuePage(input: QueuePageInput, words: SuggestStrings): ReplyBody {
  const stateName = words.states[input.state];
  const { suggestion } = input;
  if (!suggestion) {
    return {
      content: [input.notice, words.queueEmpty(stateName)].filter(Boolean).join('\n'),
      embeds: [],
      components: [],
    };
  }
  const buttons: APIButtonComponent[] = [];
  if (input.state !== 'approved') {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Success,
      label: words.approve,
      custom_id: queueCustomId('approve', suggestion, input.state, input.index),
    });
  }
  if (input.state !== 'denied') {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Danger,
      label: words.deny,
      custom_id: queueCustomId('deny', suggestion, input.state, input.index),
    });
  }
  buttons.push(
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: words.previous,
      custom_id: pageCustomId(input.state, Math.max(0, input.index - 1)),
      disabled: input.index <= 0,
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: words.next,
      custom_id: pageCustomId(input.state, input.index + 1),
      disabled: input.index + 1 >= input.total,
    },
  );
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: buttons,
  };
  return {
    content: input.notice ?? '',
    embeds: [
      suggestionEmbed(suggestion, words, words.queueTitle(stateName, input.index + 1, input.total)),
    ],
    components: [row],
  };
}

/** The modal a Deny click opens: one optional line of reason. */
export function denyModal(
  suggestion: Pick<Suggestion, 'id' | 'version'>,
  state: SuggestionState,
  index: number,
  words: SuggestStrings,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: queueCustomId('reason', suggestion, state, index),
    title: truncate(words.modalTitle, 45),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'reason',
            style: TextInputStyle.Paragraph,
            label: truncate(words.reasonLabel, 45),
            placeholder: words.reasonPlaceholder,
            required: false,
            max_length: DENIAL_REASON_MAX,
          },
        ],
      },
    ],
  };
}

/** The DM that tells an author what was decided; it names the server, never pings. */
export function renderOutcomeDm(
  suggestion: Suggestion,
  serverName: string,
  words: SuggestStrings,
): ReplyBody {
  const question = shownText(suggestion.question, 500);
  const lines =
    suggestion.state === 'approved'
      ? [words.dmApproved(serverName, question)]
      : [
          words.dmDenied(serverName, question),
          ...(suggestion.reason ? [words.dmReason(shownText(suggestion.reason, 300))] : []),
        ];
  return { content: lines.join('\n') };
}

/** The ephemeral notice at an author's next use, for outcomes no DM could tell. */
export function renderOutcomeNotice(
  suggestions: readonly Suggestion[],
  words: SuggestStrings,
): string {
  const lines = suggestions.slice(0, 10).map((suggestion) => {
    const question = shownText(suggestion.question, 150);
    if (suggestion.state === 'approved') return words.noticeApproved(suggestion.id, question);
    const reason = suggestion.reason
      ? ` (${words.reason}: ${shownText(suggestion.reason, 200)})`
      : '';
    return `${words.noticeDenied(suggestion.id, question)}${reason}`;
  });
  return truncate([`**${words.noticeTitle}**`, ...lines].join('\n'), 2000);
}
