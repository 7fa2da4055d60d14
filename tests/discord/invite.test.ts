import { PermissionsBitField } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { CHANNEL_PERMISSIONS } from '../../src/discord/channels.js';
import { buildInvite, describeInvite } from '../../src/discord/invite-url.js';

const APP_ID = '123456789012345678';

describe('the invite link', () => {
  const invite = buildInvite(APP_ID);
  const url = new URL(invite.url);

  test('GIVEN an application id THEN the link authorizes that application on discord.com', () => {
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe(APP_ID);
  });

  test('THEN it asks for the bot and applications.commands scopes, and only those', () => {
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(['bot', 'applications.commands']);
  });

  test('THEN its permissions decode to exactly the list the setup check uses', () => {
    const bits = BigInt(url.searchParams.get('permissions') ?? '-1');
    expect(bits).toBe(invite.permissions);
    expect(new PermissionsBitField(bits).toArray().sort()).toEqual([...CHANNEL_PERMISSIONS].sort());
    expect(new PermissionsBitField(bits).has('Administrator', false)).toBe(false);
  });

  test('THEN the printed text names every permission it asks for', () => {
    const text = describeInvite(invite);
    expect(text).toContain(invite.url);
    expect(invite.named.map((p) => p.name)).toEqual([...CHANNEL_PERMISSIONS]);
    for (const { label } of invite.named) expect(text).toContain(label);
  });

  test('GIVEN a shorter list THEN the integer shrinks with it (derived, not a fixed number)', () => {
    const small = buildInvite(APP_ID, ['ViewChannel', 'SendMessages']);
    expect(new PermissionsBitField(small.permissions).toArray()).toEqual([
      'ViewChannel',
      'SendMessages',
    ]);
  });
});
