import { expect } from 'vitest';
import type { GuildSettings, PostKind, PostStatus } from '../../src/store/domain.js';
import { openMemoryStore } from '../../src/store/memory.js';
import type { LedgerEntry, StorePorts } from '../../src/store/ports.js';
import { ifSetUp, updateSettings } from '../../src/store/update-settings.js';

/** A post as an earlier run would have left it, for tests that start from one. */
export interface PastPost {
  guildId: string;
  kind: PostKind;
  key: string;
  localDate: string;
  status: PostStatus;
  messageId: string | null;
  at: string;
  reason: string | null;
}

/**
 * An in-memory store with the small reads and writes command tests make, on the ports. Writes
 * go through the same versioned helper as the bot's; `recordPost` claims and settles as the
 * runner does, at the post's own time.
 */
export function testStore(clock: { now: Date } = { now: new Date() }) {
  let pinned: Date | null = null;
  const store: StorePorts = openMemoryStore({ now: () => pinned ?? clock.now });
  return {
    store,
    getGuild: async (guildId: string): Promise<GuildSettings | undefined> =>
      (await store.settings.get(guildId))?.value,
    async setGuild(guildId: string, settings: GuildSettings): Promise<void> {
      const current = await store.settings.get(guildId);
      expect((await store.settings.put(guildId, settings, current?.version ?? null)).kind).toBe(
        'written',
      );
    },
    async updateGuild(guildId: string, change: (s: GuildSettings) => GuildSettings) {
      expect((await updateSettings(store.settings, guildId, ifSetUp(change))).kind).toBe('written');
    },
    async recordPost(post: PastPost): Promise<void> {
      pinned = new Date(post.at);
      try {
        await store.ledger.claim({
          guildId: post.guildId,
          key: post.key,
          kind: post.kind,
          localDate: post.localDate,
          nonce: 'test-nonce',
          owner: 'test',
          leaseMs: 60_000,
          retakeWindowMs: 150_000,
        });
        if (post.status === 'posted') {
          await store.ledger.complete(post.guildId, post.key, 'test', post.messageId ?? '', null);
        } else {
          await store.ledger.giveUp(post.guildId, post.key, 'test', post.status, post.reason ?? '');
        }
      } finally {
        pinned = null;
      }
    },
    /** The guild's settled entries, newest first. */
    postsFor: async (guildId: string): Promise<LedgerEntry[]> =>
      (await store.ledger.recent(guildId, 50)).filter((e) => e.state !== 'claimed'),
    hasPost: async (guildId: string, key: string): Promise<boolean> =>
      (await store.ledger.settledKeys([guildId])).get(guildId)?.has(key) ?? false,
  };
}
export type TestStore = ReturnType<typeof testStore>;
