import type { CommandContext, CommunityContext, InputContext } from '../commands/types.js';
import type { Agreement } from '../data/schema.js';
import { languageOf, type Strings } from '../i18n/index.js';
import { partnerLabel } from '../render/agreement.js';
import { renderFollowList } from '../render/follows.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { attemptStore } from './store-attempt.js';

/** Agreements one member may follow: every agreement fits, so this only stops a script. */
export const MAX_FOLLOWS = 40;

/**
 * Everything /follow and /unfollow answer is ephemeral and per member: a follow leaves no
 * trace in any channel. Before the answer, the member is told (once) if a DM was refused.
 * A read that fails says nothing was changed; `answer` maps its own failed writes.
 */
export async function answerWithNotice(
  community: CommunityContext,
  input: InputContext,
  strings: Strings,
  answer: () => Promise<ReplyBody>,
): Promise<ReplyBody> {
  const notice = await attemptStore(() => community.store.follows.takeNotice(input.userId));
  if (notice.kind === 'failed') return ephemeral({ content: strings.report.storeAway });
  const answered = await attemptStore(answer);
  const body =
    answered.kind === 'done' ? answered.value : ephemeral({ content: strings.report.storeAway });
  if (!notice.value) return body;
  return {
    ...body,
    content: [strings.follow.dmsClosed, body.content].filter(Boolean).join('\n\n'),
  };
}

/** The member's follows. */
export async function listFollows(
  community: CommunityContext,
  input: InputContext,
  ctx: CommandContext,
  strings: Strings,
): Promise<ReplyBody> {
  return renderFollowList(await community.store.follows.list(input.userId), ctx.data, strings);
}

/** Follows an agreement; a write that fails says it was not saved. */
export async function addFollow(
  agreement: Agreement,
  community: CommunityContext,
  input: InputContext,
  ctx: CommandContext,
  strings: Strings,
): Promise<ReplyBody> {
  const words = strings.follow;
  const name = partnerLabel(agreement, strings);
  const added = await attemptStore(() =>
    community.store.follows.add(
      input.userId,
      agreement.id,
      languageOf(input.locale),
      ctx.now(),
      MAX_FOLLOWS,
    ),
  );
  if (added.kind === 'failed') return ephemeral({ content: strings.storage.notSaved });
  const result = added.value;
  switch (result.kind) {
    case 'added':
      return ephemeral({ content: words.added(name) });
    case 'already':
      return ephemeral({ content: words.already(name) });
    case 'resumed':
      return ephemeral({ content: words.resumed(name, result.resumed) });
    case 'too-many':
      return ephemeral({ content: words.tooMany(result.max) });
  }
}

/** Stops following an agreement; a write that fails says it was not saved. */
export async function removeFollow(
  agreement: Agreement,
  community: CommunityContext,
  input: InputContext,
  strings: Strings,
): Promise<ReplyBody> {
  const name = partnerLabel(agreement, strings);
  const removed = await attemptStore(() =>
    community.store.follows.remove(input.userId, agreement.id),
  );
  if (removed.kind === 'failed') return ephemeral({ content: strings.storage.notSaved });
  return ephemeral({
    content: removed.value ? strings.follow.removed(name) : strings.follow.notFollowing(name),
  });
}
