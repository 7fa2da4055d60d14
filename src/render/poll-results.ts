import type { APIEmbed } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { POST_COLOURS } from './posts.js';
import { LIMITS } from './limits.js';
import { echoUserText } from './user-text.js';

export interface PollAnswerCount {
  text: string;
  count: number;
}

/** What a closed poll's results message says: each answer's count and share, then the total. */
export function renderPollResults(
  question: string,
  answers: readonly PollAnswerCount[],
  finalized: boolean,
  language: string,
): { content: string; embeds: APIEmbed[]; allowed_mentions: { parse: [] } } {
  const s = stringsFor(language).pollResults;
  const total = answers.reduce((sum, a) => sum + a.count, 0);
  const lines =
    total === 0
      ? [s.noVotes]
      : [...answers]
          .map((a, index) => ({ ...a, index }))
          // Most votes first; a tie keeps the poll's own order.
          .sort((a, b) => b.count - a.count || a.index - b.index)
          .map((a) => {
            const share = Math.round((a.count / total) * 100);
            return `**${share}%** · ${echoUserText(a.text, LIMITS.pollAnswer)} · ${s.votes(a.count)}`;
          });
  if (total > 0) lines.push('', s.total(total));
  if (!finalized) lines.push('', `-# ${s.notFinal}`);
  return {
    content: '',
    embeds: [
      {
        title: `📊 ${s.title}`,
        description: `> ${echoUserText(question, LIMITS.pollQuestion)}\n\n${lines.join('\n')}`,
        color: POST_COLOURS.prompt,
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
