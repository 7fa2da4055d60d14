import { DiscordAPIError, HTTPError, type Client } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { createChannelInspector } from '../../src/discord/channels.js';

const GUILD = '111111111111111111';
const CHANNEL = '333333333333333333';
const URL = `https://discord.com/api/v10/channels/${CHANNEL}`;

function apiError(code: number, status: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code, message }, code, status, 'GET', URL, { body: {} });
}

/** A client whose guild fetches the channel (the bot caches none), recording how it was asked. */
function clientFetching(fetchChannel: () => Promise<unknown>, asked: unknown[] = []): Client {
  const guild = {
    channels: {
      cache: new Map(),
      fetch: (...args: unknown[]) => {
        asked.push(args);
        return fetchChannel();
      },
    },
    members: { me: null, fetchMe: () => Promise.reject(new Error('not reached')) },
  };
  return { guilds: { cache: new Map([[GUILD, guild]]) } } as unknown as Client;
}

describe('createChannelInspector', () => {
  test('GIVEN a channel Discord says is deleted (10003) WHEN inspected THEN it is not found', async () => {
    const error = apiError(10003, 404, 'Unknown Channel');
    const inspector = createChannelInspector(clientFetching(() => Promise.reject(error)));
    await expect(inspector.inspect(GUILD, CHANNEL)).resolves.toEqual({ kind: 'not-found' });
  });

  test('GIVEN a channel the bot may not see (50001) WHEN inspected THEN View Channel is what it lacks, not a deleted channel', async () => {
    const error = apiError(50001, 403, 'Missing Access');
    const inspector = createChannelInspector(clientFetching(() => Promise.reject(error)));
    await expect(inspector.inspect(GUILD, CHANNEL)).resolves.toEqual({
      kind: 'ok',
      name: null,
      missing: ['ViewChannel'],
    });
  });

  test('GIVEN any channel WHEN inspected THEN it is fetched fresh from Discord and not kept', async () => {
    const asked: unknown[] = [];
    const error = apiError(10003, 404, 'Unknown Channel');
    await createChannelInspector(clientFetching(() => Promise.reject(error), asked)).inspect(
      GUILD,
      CHANNEL,
    );
    expect(asked).toEqual([[CHANNEL, { cache: false, force: true }]]);
  });

  test.each([
    ['a server error', new HTTPError(503, 'Service Unavailable', 'GET', URL, { body: {} })],
    ['a network error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ])(
    'GIVEN %s while fetching the channel WHEN inspected THEN it fails, rather than call the channel gone',
    async (_, error) => {
      const inspector = createChannelInspector(clientFetching(() => Promise.reject(error)));
      await expect(inspector.inspect(GUILD, CHANNEL)).rejects.toBe(error);
    },
  );

  test('GIVEN the bot cannot fetch its own member WHEN inspected THEN it fails, rather than list every permission missing', async () => {
    const failure = new HTTPError(502, 'Bad Gateway', 'GET', URL, { body: {} });
    const channel = { isTextBased: () => true, name: 'pacts', permissionsFor: () => null };
    const guild = {
      channels: { fetch: () => Promise.resolve(channel) },
      members: { me: null, fetchMe: () => Promise.reject(failure) },
    };
    const client = { guilds: { cache: new Map([[GUILD, guild]]) } } as unknown as Client;
    await expect(createChannelInspector(client).inspect(GUILD, CHANNEL)).rejects.toBe(failure);
  });

  test('GIVEN a server the bot is not in WHEN inspected THEN it is not found', async () => {
    const inspector = createChannelInspector(clientFetching(() => Promise.resolve(null)));
    await expect(inspector.inspect('999999999999999999', CHANNEL)).resolves.toEqual({
      kind: 'not-found',
    });
  });
});

describe('createChannelInspector and the lean roles cache', () => {
  const BOT_ROLE = '444444444444444444';

  /** A guild whose cache holds @everyone only, and a bot member holding BOT_ROLE. */
  function guildMissingTheBotRole() {
    const rolesCache = new Map<string, { id: string }>([[GUILD, { id: GUILD }]]);
    const fetches: string[] = [];
    const me = {
      _roles: [BOT_ROLE],
      roles: {
        get cache() {
          return new Map(
            [GUILD, BOT_ROLE].flatMap((id) =>
              rolesCache.has(id) ? [[id, rolesCache.get(id)]] : [],
            ),
          );
        },
      },
    };
    const channel = {
      isTextBased: () => true,
      name: 'pacts',
      // Every permission once the bot's role is known, none before.
      permissionsFor: () => ({ has: () => rolesCache.has(BOT_ROLE) }),
    };
    const guild = {
      channels: { fetch: () => Promise.resolve(channel) },
      members: { me },
      roles: {
        fetch: () => {
          fetches.push(GUILD);
          rolesCache.set(BOT_ROLE, { id: BOT_ROLE });
          return Promise.resolve(rolesCache);
        },
      },
    };
    const client = { guilds: { cache: new Map([[GUILD, guild]]) } } as unknown as Client;
    return { client, fetches };
  }

  test('GIVEN the bot holds a role the cache did not keep WHEN inspected THEN the roles are fetched before permissions are counted', async () => {
    const { client, fetches } = guildMissingTheBotRole();
    await expect(createChannelInspector(client).inspect(GUILD, CHANNEL)).resolves.toEqual({
      kind: 'ok',
      name: 'pacts',
      missing: [],
    });
    expect(fetches).toEqual([GUILD]);
    // Kept now: the next check needs no request.
    await createChannelInspector(client).inspect(GUILD, CHANNEL);
    expect(fetches).toEqual([GUILD]);
  });
});
