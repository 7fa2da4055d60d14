import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyPostError } from '../../../src/discord/channel-errors.js';
import { createRunner, type Poster } from '../../../src/schedule/runner.js';
import type { StorePorts } from '../../../src/store/ports.js';
import { data, prompts, settings } from '../../schedule/helpers.js';
import {
  freshDatabase,
  guildId,
  noPostgres,
  openOn,
  recordingLog,
  sleep,
  useOwnServer,
} from './harness.js';

/** 09:00 in Kyiv on Monday 16 February 2026: Germany's and France's anniversary. */
const DUE_AT = new Date('2026-02-16T07:00:00.000Z');
const ANNIVERSARY_KEY = 'anniversary:2026-02-16';
const SERVERS = 200;

/** Each server posts to a channel of its own, so sends can be counted per (channel, nonce). */
const channelOf = (n: number) => String(300000000000000000n + BigInt(n));

const CHILD = fileURLToPath(new URL('../../helpers/runner-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
// Long enough that a tick right after the kill still finds the dead claim live, even on a busy machine.
const LEASE = 1_500;
const WINDOW = 6_000;

/** A claim by a 'probe' owner on the anniversary post: what it finds shows how the post settled. */
const probeClaim = (guild: string, retakeWindowMs: number) =>
  ({
    guildId: guild,
    key: ANNIVERSARY_KEY,
    kind: 'anniversary',
    localDate: '2026-02-16',
    nonce: 'probe',
    owner: 'probe',
    leaseMs: 60_000,
    retakeWindowMs,
  }) as const;

/** Runs the child bot until its poster prints a line starting with `marker`, then SIGKILLs it. */
function runChildUntil(args: string[], marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let seen: string | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith(marker));
      if (line !== undefined && seen === null) {
        seen = line;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (seen !== null && signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`child ended (${signal ?? 'no signal'}) before ${marker}: ${out}`));
    });
  });
}

/** A fake Discord that counts every accepted send per (channel, nonce). */
function countingPoster() {
  const sends = new Map<string, number>();
  let nextId = 900_000_000_000_000_000n;
  const poster: Poster = {
    post(channelId, body) {
      const key = `${channelId}|${body.nonce}`;
      sends.set(key, (sends.get(key) ?? 0) + 1);
      nextId += 1n;
      return Promise.resolve({ messageId: String(nextId) });
    },
    openThread: () => Promise.resolve(),
    classify: classifyPostError,
  };
  return { poster, sends };
}

describe.skipIf(noPostgres)(
  'the runner against PostgreSQL, under faults',
  { timeout: 40_000 },
  () => {
    let url: string;
    beforeAll(async () => {
      url = await freshDatabase('runner_faults');
    });

    describe('two runners ticking at once', () => {
      const guilds = Array.from({ length: SERVERS }, (_, i) => guildId(1000 + i));
      let stores: StorePorts[] = [];
      beforeAll(async () => {
        stores = await Promise.all([openOn(url), openOn(url)]);
        await Promise.all(
          guilds.map((g, i) =>
            stores[0]!.settings.put(g, settings({ channelId: channelOf(i) }), null),
          ),
        );
      });
      afterAll(async () => {
        await Promise.all(stores.map((s) => s.close()));
      });

      // Can fail: without the ledger's claim both runners read the same empty ledger, both find
      // all 200 anniversaries due and both send, so every (channel, nonce) would count 2.
      test('GIVEN 200 servers all due and two runners (two pools, two owners) WHEN both tick at the same moment THEN each post is sent exactly once and settled', async () => {
        const discord = countingPoster();
        const runners = stores.map((store, i) =>
          createRunner({
            store,
            data,
            prompts,
            poster: discord.poster,
            log: recordingLog(),
            now: () => DUE_AT,
            guildIds: () => guilds,
            owner: `runner-${i}`,
          }),
        );
        const summaries = await Promise.all(runners.map((r) => r.tick()));

        expect(discord.sends.size).toBe(SERVERS);
        expect([...discord.sends.values()].every((count) => count === 1)).toBe(true);
        expect(summaries.reduce((sum, s) => sum + s.posted, 0)).toBe(SERVERS);
        expect(summaries.reduce((sum, s) => sum + s.failed, 0)).toBe(0);
        const settled = await stores[1]!.ledger.settledKeys(guilds);
        expect(guilds.every((g) => settled.get(g)?.has(ANNIVERSARY_KEY))).toBe(true);
        // Settled as posted, once: a third claim finds it done, with a message id.
        const again = await stores[0]!.ledger.claim(probeClaim(guilds[0]!, 150_000));
        expect(again.kind).toBe('settled');
        expect(again.entry.state).toBe('posted');
        expect(again.entry.messageId).not.toBeNull();
      });
    });

    describe('a runner killed with SIGKILL mid-post', () => {
      let store: StorePorts;
      beforeAll(async () => {
        store = await openOn(url);
      });
      afterAll(async () => store?.close());

      /** A fake Discord that dedupes by nonce, as enforce_nonce does: a repeat gets the first id. */
      function dedupingDiscord(accepted: Map<string, string> = new Map()) {
        const sends: { channelId: string; nonce: string }[] = [];
        const messages = new Map(accepted);
        let nextId = 800_000_000_000_000_000n;
        const poster: Poster = {
          post(channelId, body) {
            sends.push({ channelId, nonce: body.nonce });
            let id = messages.get(body.nonce);
            if (id === undefined) messages.set(body.nonce, (id = String((nextId += 1n))));
            return Promise.resolve({ messageId: id });
          },
          openThread: () => Promise.resolve(),
          classify: classifyPostError,
        };
        return { poster, sends, messages };
      }

      function survivor(poster: Poster, guild: string) {
        return createRunner({
          store,
          data,
          prompts,
          poster,
          log: recordingLog(),
          now: () => DUE_AT,
          guildIds: () => [guild],
          owner: 'survivor',
          leaseMs: LEASE,
          retakeWindowMs: WINDOW,
        });
      }

      async function entryOf(guild: string) {
        return store.ledger.claim(probeClaim(guild, WINDOW));
      }

      // Can fail: a runner that sent before claiming, or that minted a new nonce on the retake,
      // or never retook a lapsed claim, would show no send, or a send with another nonce.
      test('GIVEN a child killed after its claim and before the send WHEN a second runner ticks after the lease THEN it posts once, with the same nonce', async () => {
        const guild = guildId(5001);
        await store.settings.put(guild, settings({ channelId: channelOf(5001) }), null);
        const line = await runChildUntil(
          [url, guild, 'before-send', String(LEASE), String(WINDOW), DUE_AT.toISOString()],
          'SENDING',
        );
        const nonce = line.split(' ')[1]!;
        const discord = dedupingDiscord();
        // Within the lease the claim is still the dead child's: nothing is sent.
        expect((await survivor(discord.poster, guild).tick()).posted).toBe(0);
        expect(discord.sends).toHaveLength(0);
        await sleep(LEASE + 200);
        const summary = await survivor(discord.poster, guild).tick();
        expect(summary.posted).toBe(1);
        expect(discord.sends).toEqual([{ channelId: channelOf(5001), nonce }]);
        const after = await entryOf(guild);
        expect(after.kind).toBe('settled');
        expect(after.entry.state).toBe('posted');
      });

      // Can fail: a retake with a fresh nonce would make Discord post a second message.
      test('GIVEN a child killed after Discord accepted and before completion WHEN a second runner retakes within the window THEN the same nonce returns the one message', async () => {
        const guild = guildId(5002);
        await store.settings.put(guild, settings({ channelId: channelOf(5002) }), null);
        const line = await runChildUntil(
          [url, guild, 'after-send', String(LEASE), String(WINDOW), DUE_AT.toISOString()],
          'ACCEPTED',
        );
        const [, nonce, messageId] = line.split(' ');
        const discord = dedupingDiscord(new Map([[nonce!, messageId!]]));
        await sleep(LEASE + 200);
        expect((await survivor(discord.poster, guild).tick()).posted).toBe(1);
        expect(discord.sends).toEqual([{ channelId: channelOf(5002), nonce }]);
        expect(discord.messages.size).toBe(1);
        const after = await entryOf(guild);
        expect(after.entry).toMatchObject({ state: 'posted', messageId });
      });

      // Can fail: a runner that retook any lapsed claim would send here, past Discord's dedupe.
      test('GIVEN a child killed after Discord accepted WHEN the next tick comes after the nonce window THEN it is skipped as outcome unknown, never sent', async () => {
        const guild = guildId(5003);
        await store.settings.put(guild, settings({ channelId: channelOf(5003) }), null);
        await runChildUntil(
          [url, guild, 'after-send', String(LEASE), String(WINDOW), DUE_AT.toISOString()],
          'ACCEPTED',
        );
        await sleep(WINDOW + 300);
        const discord = dedupingDiscord();
        const summary = await survivor(discord.poster, guild).tick();
        expect(summary.posted).toBe(0);
        expect(summary.skipped).toBe(1);
        expect(discord.sends).toHaveLength(0);
        const after = await entryOf(guild);
        expect(after.entry.state).toBe('skipped');
        expect(after.entry.reason).toMatch(/^outcome unknown/);
      });

      /** Its own server, since this stops and starts it: the run's shared one stays up. */
      describe('PostgreSQL stopped mid-tick', () => {
        const own = useOwnServer();

        // Can fail: a runner that sent before its claim, or kept sending when claims failed, would
        // show sends with no ledger entry; one that lost settings or crashed would fail the rest.
        test('GIVEN 60 servers due WHEN the server stops during the tick THEN no send lacks a claim, the tick reports failures, and after restart the rest is posted once', async () => {
          const { server, store } = own;
          const guilds = Array.from({ length: 60 }, (_, i) => guildId(7000 + i));
          for (const [i, g] of guilds.entries()) {
            await store.settings.put(g, settings({ channelId: channelOf(7000 + i) }), null);
          }
          const sends: { channelId: string; nonce: string }[] = [];
          const messages = new Map<string, string>();
          let nextId = 700_000_000_000_000_000n;
          const poster: Poster = {
            post(channelId, body) {
              sends.push({ channelId, nonce: body.nonce });
              // The 10th send stops the server: claims and completions from here on fail.
              if (sends.length === 10) server.stop();
              let id = messages.get(body.nonce);
              if (id === undefined) messages.set(body.nonce, (id = String((nextId += 1n))));
              return Promise.resolve({ messageId: id });
            },
            openThread: () => Promise.resolve(),
            classify: classifyPostError,
          };
          const runner = createRunner({
            store,
            data,
            prompts,
            poster,
            log: recordingLog(),
            now: () => DUE_AT,
            guildIds: () => guilds,
            owner: 'outage',
            leaseMs: LEASE,
            retakeWindowMs: 30_000,
          });
          const during = await runner.tick();
          const sentDuring = sends.length;
          expect(during.posted).toBeLessThan(60);
          expect(during.failed + during.posted).toBeGreaterThan(0);
          expect(sentDuring).toBeLessThan(60);

          server.start();
          let healthy = false;
          for (let i = 0; i < 50 && !healthy; i += 1) {
            healthy = await store.healthy();
            if (!healthy) await sleep(100);
          }
          expect(healthy).toBe(true);
          // Every send seen during the outage had a claim in the ledger, under its nonce.
          const keys = await store.ledger.settledKeys(guilds);
          for (const send of sends) {
            const g = guilds[guilds.findIndex((_, i) => channelOf(7000 + i) === send.channelId)]!;
            expect(keys.get(g)?.has(ANNIVERSARY_KEY)).toBe(true);
          }
          // No settings lost.
          const after = await store.settings.getMany(guilds);
          expect(after.size).toBe(60);

          await sleep(LEASE + 200);
          await runner.tick();
          const unique = new Set(sends.map((s) => `${s.channelId}|${s.nonce}`));
          expect(unique.size).toBe(60);
          // Each post is one message: repeats (lapsed outcome-unknown claims) reused their nonce.
          expect(messages.size).toBe(60);
          const settled = await store.ledger.settledKeys(guilds);
          expect(guilds.every((g) => settled.get(g)?.has(ANNIVERSARY_KEY))).toBe(true);
        }, 60_000);
      });
    });
  },
);
