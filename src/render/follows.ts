import type { Dataset } from '../data/load.js';
import type { Strings } from '../i18n/index.js';
import type { Follow } from '../store/follows.js';
import { partnerLabel } from './agreement.js';
import { ephemeral, type ReplyBody } from './reply.js';

/** An agreement's name as the member knows it; its id if it left the data since. */
function agreementName(data: Dataset, id: string, strings: Strings): string {
  const agreement = data.agreementById.get(id);
  return agreement ? partnerLabel(agreement, strings) : id;
}

/** The member's follows, paused ones marked: for their eyes only. */
export function renderFollowList(
  follows: readonly Follow[],
  data: Dataset,
  strings: Strings,
): ReplyBody {
  const words = strings.follow;
  if (follows.length === 0) return ephemeral({ content: words.listEmpty });
  const lines = follows.map(
    (f) =>
      `• ${agreementName(data, f.agreementId, strings)}${f.pausedAt ? ` (${words.paused})` : ''}`,
  );
  return ephemeral({ embeds: [{ title: words.listTitle, description: lines.join('\n') }] });
}
