import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';
import type { ChannelPermission } from '../commands/types.js';
import { CHANNEL_PERMISSIONS } from './channels.js';

/** What each permission is called in Discord's own settings, and what the bot does with it. */
const PERMISSION_USES: Record<ChannelPermission, { label: string; why: string }> = {
  ViewChannel: { label: 'View Channel', why: 'see the channel scheduled posts go to' },
  SendMessages: { label: 'Send Messages', why: 'post reminders, digests and prompts' },
  EmbedLinks: { label: 'Embed Links', why: 'show agreements as embeds' },
  CreatePublicThreads: {
    label: 'Create Public Threads',
    why: 'open a thread for answers under a prompt',
  },
  SendMessagesInThreads: {
    label: 'Send Messages in Threads',
    why: 'post in the threads it opens',
  },
  SendPolls: { label: 'Create Polls', why: 'attach a poll to a prompt' },
};

/** `bot` adds the bot user to the server; `applications.commands` lets it register slash commands. */
export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export interface Invite {
  url: string;
  /** The permissions integer in the URL, as Discord's bitfield. */
  permissions: bigint;
  /** Each permission asked for, in the order of CHANNEL_PERMISSIONS. */
  named: { name: ChannelPermission; label: string; why: string }[];
}

/**
 * The OAuth2 link that adds the bot to a server with exactly the permissions it uses: those in
 * CHANNEL_PERMISSIONS, so the link and the setup check can never disagree.
 */
export function buildInvite(
  applicationId: string,
  permissions: readonly ChannelPermission[] = CHANNEL_PERMISSIONS,
): Invite {
  const bits = permissions.reduce((sum, name) => sum | PermissionFlagsBits[name], 0n);
  const query = new URLSearchParams({
    client_id: applicationId,
    permissions: String(bits),
    // 0: installed to a server (a guild install), not to a user's account.
    integration_type: '0',
    scope: INVITE_SCOPES.join(' '),
  });
  return {
    url: `https://discord.com/oauth2/authorize?${query.toString()}`,
    permissions: bits,
    named: permissions.map((name) => ({ name, ...PERMISSION_USES[name] })),
  };
}

/** What `npm run invite` prints: the link, then each permission it asks for and why. */
export function describeInvite(invite: Invite): string {
  return [
    'Open this link to add the bot to a server you manage:',
    invite.url,
    '',
    `It asks for these permissions (${invite.permissions}), and no others:`,
    ...invite.named.map((p) => `  ${p.label}: ${p.why}`),
    `Scopes: ${INVITE_SCOPES.join(', ')} (the bot user, and its slash commands).`,
  ].join('\n');
}
