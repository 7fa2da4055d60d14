import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StorePorts } from '../../../src/store/ports.js';
import { freshDatabase, GUILD, guildId, noPostgres, openOn, settingsFor } from './harness.js';

describe.skipIf(noPostgres)('PostgreSQL settings', () => {
  let url: string;
  let store: StorePorts;
  beforeAll(async () => {
    url = await freshDatabase('settings');
    store = await openOn(url);
  });
  afterAll(async () => store?.close());

  test('GIVEN no settings WHEN written with version null THEN version 1, and a second create conflicts', async () => {
    const g = guildId(1);
    expect(await store.settings.get(g)).toBeNull();
    expect(await store.settings.put(g, settingsFor(), null)).toEqual({
      kind: 'written',
      version: 1,
    });
    const again = await store.settings.put(g, settingsFor({ hour: 10 }), null);
    expect(again).toMatchObject({ kind: 'conflict', current: { version: 1, value: { hour: 9 } } });
  });

  test('GIVEN a pause and the runner marking a prompt seen from the same version WHEN both write THEN one conflicts and, re-applied, the pause holds', async () => {
    await store.settings.put(GUILD, settingsFor(), null);
    const read = (await store.settings.get(GUILD))!;
    const other = await openOn(url); // the runner in another process
    try {
      const [pause, seen] = await Promise.all([
        store.settings.put(GUILD, { ...read.value, paused: true }, read.version),
        other.settings.put(GUILD, { ...read.value, promptsSeen: ['p1'] }, read.version),
      ]);
      const results = [pause, seen];
      expect(results.filter((r) => r.kind === 'written')).toHaveLength(1);
      const lost = pause.kind === 'conflict' ? pause : seen;
      expect(lost.kind).toBe('conflict');
      // The loser re-reads and re-applies its own change, as updateSettings does.
      const current = lost.kind === 'conflict' ? lost.current! : read;
      const redo =
        pause.kind === 'conflict'
          ? { ...current.value, paused: true }
          : { ...current.value, promptsSeen: ['p1'] };
      expect((await store.settings.put(GUILD, redo, current.version)).kind).toBe('written');
      const final = (await store.settings.get(GUILD))!;
      expect(final.value).toMatchObject({ paused: true, promptsSeen: ['p1'] });
      expect(final.version).toBe(read.version + 2);
    } finally {
      await other.close();
    }
  });

  // Perf (issue 10): the change feed must see other processes' writes, or a tick would miss them.
  test('GIVEN guilds this process has read WHEN another process writes one and sets up another THEN this feed names both', async () => {
    const [changed, setUp, quiet] = [guildId(31), guildId(32), guildId(33)];
    await store.settings.put(changed, settingsFor(), null);
    await store.settings.put(quiet, settingsFor(), null);
    await store.settings.getMany([changed, setUp, quiet]);
    const { cursor } = await store.settings.changes!(null);
    const other = await openOn(url);
    try {
      await other.settings.put(changed, settingsFor({ hour: 12 }), 1);
      await other.settings.put(setUp, settingsFor(), null);
    } finally {
      await other.close();
    }
    const feed = await store.settings.changes!(cursor);
    expect(feed.changed).toEqual(expect.arrayContaining([changed, setUp]));
    expect(feed.changed).not.toContain(quiet);
    // And getMany then answers the new settings from its copy.
    const after = await store.settings.getMany([changed, setUp]);
    expect(after.get(changed)?.value.hour).toBe(12);
    expect(after.get(setUp)?.version).toBe(1);
  });

  test('GIVEN a deleted guild WHEN a writer still holding the old version writes THEN it conflicts with null', async () => {
    const g = guildId(2);
    await store.settings.put(g, settingsFor(), null);
    expect(await store.settings.delete(g)).toBe(true);
    expect(await store.settings.delete(g)).toBe(false);
    expect(await store.settings.get(g)).toBeNull();
    expect(await store.settings.put(g, settingsFor(), 1)).toEqual({
      kind: 'conflict',
      current: null,
    });
    const setUpAgain = await store.settings.put(g, settingsFor({ hour: 7 }), null);
    expect(setUpAgain.kind).toBe('written');
    // The version went on rising through the deletion, so version 1 can never match again.
    expect(setUpAgain.kind === 'written' && setUpAgain.version).toBeGreaterThan(1);
  });

  test('GIVEN settings breaking the schema WHEN put THEN it throws and nothing is stored', async () => {
    const g = guildId(3);
    await expect(store.settings.put(g, settingsFor({ hour: 25 }), null)).rejects.toThrow();
    expect(await store.settings.get(g)).toBeNull();
  });

  test('GIVEN getMany called every tick WHEN another process writes, deletes, creates THEN the next call sees each change', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => guildId(100 + i));
    for (const id of ids.slice(0, 10)) await store.settings.put(id, settingsFor(), null);
    const first = await store.settings.getMany(ids);
    expect(first.size).toBe(10);
    const other = await openOn(url);
    try {
      const v = first.get(ids[0]!)!.version;
      await other.settings.put(ids[0]!, settingsFor({ paused: true }), v);
      await other.settings.delete(ids[1]!);
      await other.settings.put(ids[15]!, settingsFor({ hour: 6 }), null);
    } finally {
      await other.close();
    }
    const second = await store.settings.getMany(ids);
    expect(second.size).toBe(10);
    expect(second.get(ids[0]!)?.value.paused).toBe(true);
    expect(second.has(ids[1]!)).toBe(false);
    expect(second.get(ids[15]!)?.value.hour).toBe(6);
  });

  test('GIVEN a row edited by hand to break the schema WHEN getMany reads it THEN that guild is left out and logged, the rest served', async () => {
    const good = guildId(200);
    const bad = guildId(201);
    await store.settings.put(good, settingsFor(), null);
    await store.settings.put(bad, settingsFor(), null);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE settings SET value = '{"hour": "nine"}' WHERE guild_id = $1`, [bad]);
    await client.end();
    const fresh = await openOn(url);
    try {
      const found = await fresh.settings.getMany([good, bad]);
      expect([...found.keys()]).toEqual([good]);
      await expect(fresh.settings.get(bad)).rejects.toThrow(/break the schema/);
    } finally {
      await fresh.close();
    }
  });
});
