import { buildDataset, loadData, type Dataset } from '../../src/data/load.js';
import type { Agreement } from '../../src/data/schema.js';
import { computeDue, type DuePost } from '../../src/schedule/due.js';
import { loadPrompts, markPromptSeen } from '../../src/schedule/prompts.js';
import type { GuildSettings } from '../../src/store/domain.js';
import { guildSettings } from '../helpers/settings.js';

export const data = loadData();
export const prompts = loadPrompts(data);
export const GUILD = '111111111111111111';

/** A server with only anniversaries on, posting at 09:00 Kyiv time. */
export function settings(overrides: Partial<GuildSettings> = {}): GuildSettings {
  return guildSettings({ ...overrides });
}

export function due(
  now: string,
  s: GuildSettings,
  posted: Iterable<string> = [],
  dataset: Dataset = data,
): DuePost[] {
  return computeDue({
    now: new Date(now),
    guildId: GUILD,
    settings: s,
    postLog: new Set(posted),
    data: dataset,
    prompts,
  });
}

/** The data with one more agreement, a copy of Germany's under another id and date. */
export function withExtraAgreement(signed: string): Dataset {
  const base = data.agreementById.get('de')!;
  const extra: Agreement = {
    ...base,
    id: 'leap',
    signed,
    partner: { ...base.partner, shortName: { en: 'Leapland', uk: null } },
  };
  // Not through loadData: the copy shares Germany's names, which its checks refuse.
  return buildDataset({ ...data, agreements: [...data.agreements, extra] });
}

export interface Simulated {
  post: DuePost;
  at: string;
}

/**
 * Runs the runner's loop with a fake clock: a tick every `stepMinutes`, each due post "sent" and
 * logged at once, missed ones logged as skipped, prompts marked seen.
 */
export function simulate(
  from: string,
  to: string,
  initial: GuildSettings,
  stepMinutes = 5,
  dataset: Dataset = data,
): { posted: Simulated[]; missed: Simulated[]; settings: GuildSettings } {
  let s = initial;
  const log = new Set<string>();
  const posted: Simulated[] = [];
  const missed: Simulated[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMinutes * 60_000) {
    const now = new Date(t);
    for (const post of computeDue({
      now,
      guildId: GUILD,
      settings: s,
      postLog: log,
      data: dataset,
      prompts,
    })) {
      log.add(post.key);
      (post.status === 'due' ? posted : missed).push({ post, at: now.toISOString() });
      if (post.status === 'due' && post.promptId) {
        s = { ...s, promptsSeen: markPromptSeen(prompts, s.promptsSeen, post.promptId) };
      }
    }
  }
  return { posted, missed, settings: s };
}
