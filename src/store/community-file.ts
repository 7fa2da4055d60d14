import { z } from 'zod';
import { emptyCommunityState, type CommunityState } from './community-core.js';
import { snowflake } from '../snowflake.js';
import { isoInstant } from './domain.js';

/**
 * The community collections as the JSON file keeps them: top-level arrays beside `guilds` and
 * `ledger`, each defaulting to empty so a file written before they existed still loads as it is
 * (no version bump, nothing to migrate). Instants are ISO text, as in the ledger.
 */

const text = (max: number) => z.string().min(1).max(max);

export const reportFileSchema = z.strictObject({
  id: text(32),
  guildId: snowflake.nullable(),
  reporterId: snowflake,
  recordId: text(100),
  field: text(64),
  text: text(1000),
  sourceUrl: text(500).nullable(),
  createdAt: isoInstant,
  state: z.enum(['open', 'closed']),
  delivered: z.boolean(),
  closedAt: isoInstant.nullable(),
  closeNote: text(1000).nullable(),
});

export const followFileSchema = z.strictObject({
  userId: snowflake,
  agreementId: text(100),
  language: z.string().min(2).max(10),
  createdAt: isoInstant,
  pausedAt: isoInstant.nullable(),
});

export const deliveryFileSchema = z.strictObject({
  userId: snowflake,
  key: text(200),
  state: z.enum(['claimed', 'sent', 'refused', 'failed']),
  owner: text(200).nullable(),
  leaseUntil: isoInstant.nullable(),
  at: isoInstant,
});

export const pollFileSchema = z.strictObject({
  messageId: snowflake,
  channelId: snowflake,
  guildId: snowflake,
  closesAt: isoInstant,
  language: z.string().min(2).max(10),
  state: z.enum(['open', 'claimed', 'posted', 'gone']),
  owner: text(200).nullable(),
  leaseUntil: isoInstant.nullable(),
  attempts: z.number().int().min(0),
  resultMessageId: snowflake.nullable(),
  reason: z.string().max(500).nullable(),
});

/** The frame's keys for the community: unknown entries, checked one by one on decode. */
export const communityFrameShape = {
  reports: z.array(z.unknown()).default([]),
  follows: z.array(z.unknown()).default([]),
  followNotices: z.array(z.unknown()).default([]),
  deliveries: z.array(z.unknown()).default([]),
  polls: z.array(z.unknown()).default([]),
};

export interface CommunityFile {
  reports: z.infer<typeof reportFileSchema>[];
  follows: z.infer<typeof followFileSchema>[];
  followNotices: string[];
  deliveries: z.infer<typeof deliveryFileSchema>[];
  polls: z.infer<typeof pollFileSchema>[];
}

export function emptyCommunityFile(): CommunityFile {
  return { reports: [], follows: [], followNotices: [], deliveries: [], polls: [] };
}

/** One community entry that broke its schema, to be set aside alone. */
export interface CommunityProblem {
  collection: keyof CommunityFile;
  raw: unknown;
  issues: z.ZodError;
}

type Frame = { [K in keyof typeof communityFrameShape]: unknown[] };

/** Checks each entry; a broken one is reported, not fatal: the rest load. */
export function decodeCommunity(frame: Frame): {
  file: CommunityFile;
  problems: CommunityProblem[];
} {
  const problems: CommunityProblem[] = [];
  const each = <S extends z.ZodType>(collection: keyof CommunityFile, schema: S, raw: unknown[]) =>
    raw.flatMap((value) => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return [parsed.data];
      problems.push({ collection, raw: value, issues: parsed.error });
      return [];
    });
  return {
    file: {
      reports: each('reports', reportFileSchema, frame.reports),
      follows: each('follows', followFileSchema, frame.follows),
      followNotices: each('followNotices', snowflake, frame.followNotices),
      deliveries: each('deliveries', deliveryFileSchema, frame.deliveries),
      polls: each('polls', pollFileSchema, frame.polls),
    },
    problems,
  };
}

const at = (iso: string) => new Date(iso);
const maybe = (iso: string | null) => (iso === null ? null : new Date(iso));
const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function communityFromFile(file: CommunityFile): CommunityState {
  const state = emptyCommunityState();
  for (const r of file.reports) {
    state.reports.set(r.id, { ...r, createdAt: at(r.createdAt), closedAt: maybe(r.closedAt) });
  }
  for (const f of file.follows) {
    state.follows.set(`${f.userId}|${f.agreementId}`, {
      ...f,
      createdAt: at(f.createdAt),
      pausedAt: maybe(f.pausedAt),
    });
  }
  for (const id of file.followNotices) state.followNotices.add(id);
  for (const d of file.deliveries) {
    state.deliveries.set(`${d.userId}|${d.key}`, {
      ...d,
      leaseUntil: maybe(d.leaseUntil),
      at: at(d.at),
    });
  }
  for (const p of file.polls) {
    state.polls.set(p.messageId, {
      ...p,
      closesAt: at(p.closesAt),
      leaseUntil: maybe(p.leaseUntil),
    });
  }
  return state;
}

export function communityToFile(state: CommunityState): CommunityFile {
  return {
    reports: [...state.reports.values()].map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      closedAt: iso(r.closedAt),
    })),
    follows: [...state.follows.values()].map((f) => ({
      ...f,
      createdAt: f.createdAt.toISOString(),
      pausedAt: iso(f.pausedAt),
    })),
    followNotices: [...state.followNotices],
    deliveries: [...state.deliveries.values()].map((d) => ({
      ...d,
      leaseUntil: iso(d.leaseUntil),
      at: d.at.toISOString(),
    })),
    polls: [...state.polls.values()].map((p) => ({
      ...p,
      closesAt: p.closesAt.toISOString(),
      leaseUntil: iso(p.leaseUntil),
    })),
  };
}
