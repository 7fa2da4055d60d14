import type { Dataset } from '../data/load.js';
import type { GuildSettings, PostKind } from '../store/domain.js';
import { computeDue, nextDueTimes, type DuePost, type PostedKeys } from './due.js';
import type { PromptBank } from './prompts.js';

export interface NextPost {
  readonly when: Date;
  readonly post: Extract<DuePost, { status: 'due' }>;
}

/**
 * The next post of a kind as the runner would make it, and when; null if none within two weeks.
 * As if running, so a paused or blocked server still sees what it would get (`/schedule
 * preview`, `test`, `skip` and the skips in `status`).
 */
export function findNextPost(
  kind: PostKind,
  guildId: string,
  current: GuildSettings,
  keys: PostedKeys,
  data: Dataset,
  prompts: PromptBank,
  now: Date,
): NextPost | null {
  const settings = { ...current, paused: false, blocked: null };
  const when = nextDueTimes(now, settings, keys, data)[kind];
  if (!when) return null;
  // Set up just before, so what came due earlier is not caught up with it. A change's opt-in
  // day counts from activeSince too: kept for that kind, or the post would leave out every
  // change dated before the day.
  const activeSince =
    kind === 'change' ? settings.activeSince : new Date(when.getTime() - 1).toISOString();
  const post = computeDue({
    now: when,
    guildId,
    settings: { ...settings, activeSince },
    postLog: keys,
    data,
    prompts,
  }).find((p) => p.kind === kind && p.status === 'due');
  return post && post.status === 'due' ? { when, post } : null;
}
