import { describe, expect, test } from 'vitest';
import { openMemoryStore } from '../../src/store/memory.js';
import type { SettingsPort } from '../../src/store/ports.js';
import { ifSetUp, updateSettings } from '../../src/store/update-settings.js';
import { freshGuild, settings } from './contract.js';

describe('updateSettings', () => {
  test('GIVEN two writers on version 1 WHEN each writes with a plain put THEN the second is refused, which is what updateSettings re-applies on', async () => {
    const store = openMemoryStore();
    const id = freshGuild();
    await store.settings.put(id, settings(), null);
    expect(await store.settings.put(id, settings({ paused: true }), 1)).toMatchObject({
      kind: 'written',
    });
    expect(await store.settings.put(id, settings({ promptsSeen: ['p1'] }), 1)).toMatchObject({
      kind: 'conflict',
      current: { version: 2, value: { paused: true } },
    });
  });

  test('GIVEN a writer that always gets in first WHEN updateSettings tries THEN it stops after its tries and says contended', async () => {
    const store = openMemoryStore();
    const id = freshGuild();
    await store.settings.put(id, settings(), null);
    let puts = 0;
    const busy: SettingsPort = {
      ...store.settings,
      get: (g) => store.settings.get(g),
      getMany: (g) => store.settings.getMany(g),
      delete: (g) => store.settings.delete(g),
      async put(g, value, version) {
        puts += 1;
        // Someone else writes just before each of ours.
        const now = await store.settings.get(g);
        await store.settings.put(g, now!.value, now!.version);
        return store.settings.put(g, value, version);
      },
    };
    const result = await updateSettings(
      busy,
      id,
      ifSetUp((s) => ({ ...s, paused: true })),
      3,
    );
    expect(result).toEqual({ kind: 'contended' });
    expect(puts).toBe(3);
    expect((await store.settings.get(id))?.value.paused).toBe(false);
  });

  test.each([
    ['the read', 'get'],
    ['the write', 'put'],
  ] as const)(
    'GIVEN the store failing %s WHEN updateSettings runs THEN it answers unavailable, not a throw',
    async (_, method) => {
      const store = openMemoryStore();
      const id = freshGuild();
      await store.settings.put(id, settings(), null);
      const down = new Error('connect ECONNREFUSED');
      const failing: SettingsPort = {
        get: (g) => (method === 'get' ? Promise.reject(down) : store.settings.get(g)),
        getMany: (g) => store.settings.getMany(g),
        put: (g, v, n) => (method === 'put' ? Promise.reject(down) : store.settings.put(g, v, n)),
        delete: (g) => store.settings.delete(g),
      };
      expect(
        await updateSettings(
          failing,
          id,
          ifSetUp((s) => s),
        ),
      ).toEqual({
        kind: 'unavailable',
        error: down,
      });
    },
  );

  test('GIVEN a change that breaks the schema WHEN applied THEN it throws: a bug is not the store’s weather', async () => {
    const store = openMemoryStore();
    const id = freshGuild();
    await store.settings.put(id, settings(), null);
    await expect(
      updateSettings(
        store.settings,
        id,
        ifSetUp((s) => ({ ...s, hour: 99 })),
      ),
    ).rejects.toThrow();
  });
});
