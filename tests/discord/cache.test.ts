import { EventEmitter } from 'node:events';
import { ChannelType, Client, Events, GatewayIntentBits, type Guild, type Role } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { createLeanCache, createOwnRoles } from '../../src/discord/cache.js';

const GUILD = '111111111111111111';
const BOT = '222222222222222222';
const BOT_ROLE = '333333333333333333';
const OTHER_ROLE = '444444444444444444';
const CHANNEL = '666666666666666666';

function fakeClient(): Client & EventEmitter {
  return Object.assign(new EventEmitter(), { user: { id: BOT } }) as unknown as Client &
    EventEmitter;
}

function role(id: string, me: { _roles: string[] } | null = null): Role {
  return { id, guild: { id: GUILD, members: { me } } } as unknown as Role;
}

function guildCreate(botRoles: string[]) {
  return {
    t: 'GUILD_CREATE',
    d: {
      id: GUILD,
      members: [
        { user: { id: '555555555555555555' }, roles: [OTHER_ROLE] },
        { user: { id: BOT }, roles: botRoles },
      ],
    },
  };
}

describe('createOwnRoles', () => {
  test('GIVEN a guild whose member list holds the bot WHEN its roles arrive THEN @everyone and the bot’s roles are kept, no other', () => {
    const client = fakeClient();
    const ownRoles = createOwnRoles();
    ownRoles.watch(client);
    client.emit(Events.Raw, guildCreate([BOT_ROLE]));
    // discord.js adds roles before members: `members.me` is not there yet.
    expect(ownRoles.keeps(role(GUILD))).toBe(true);
    expect(ownRoles.keeps(role(BOT_ROLE))).toBe(true);
    expect(ownRoles.keeps(role(OTHER_ROLE))).toBe(false);
  });

  test('GIVEN the bot’s member is cached WHEN a role of it is added later THEN it is kept', () => {
    const ownRoles = createOwnRoles();
    expect(ownRoles.keeps(role(BOT_ROLE, { _roles: [BOT_ROLE] }))).toBe(true);
    expect(ownRoles.keeps(role(OTHER_ROLE, { _roles: [BOT_ROLE] }))).toBe(false);
  });

  test('GIVEN a GUILD_CREATE was applied WHEN the next tick comes THEN its role ids are no longer held', async () => {
    const client = fakeClient();
    const ownRoles = createOwnRoles();
    ownRoles.watch(client);
    client.emit(Events.Raw, guildCreate([BOT_ROLE]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ownRoles.keeps(role(BOT_ROLE))).toBe(false);
  });
});

describe('createLeanCache', () => {
  test('GIVEN the bot’s client WHEN channels reach its caches THEN none is kept, while guilds are', () => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      makeCache: createLeanCache(createOwnRoles()),
    });
    // `_add` is how discord.js applies a GUILD_CREATE; private in its typings.
    const guilds = client.guilds as unknown as { _add(data: unknown): Guild };
    const guild = guilds._add({
      id: GUILD,
      name: 'pacts',
      channels: [{ id: CHANNEL, type: ChannelType.GuildText, name: 'general', guild_id: GUILD }],
    });
    expect(client.guilds.cache.has(GUILD)).toBe(true);
    expect(guild.channels.cache.size).toBe(0);
    expect(client.channels.cache.size).toBe(0);
    void client.destroy();
  });
});
