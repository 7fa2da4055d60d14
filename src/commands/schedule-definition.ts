import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { WEEKDAY_CHOICES } from '../schedule/settings-rules.js';
import type { CommandData } from './arguments.js';

/** The kinds an admin may test or skip: data-change posts are made by the data, not a cadence. */
const KIND_CHOICES = [
  { name: 'Anniversary reminder', value: 'anniversary' },
  { name: 'Weekly digest', value: 'digest' },
  { name: 'Discussion prompt', value: 'prompt' },
] as const;

/** The `kind:` option of test, skip and preview (preview adds data-change posts). */
const KIND_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'kind',
  description: 'Which post',
  required: true,
  choices: KIND_CHOICES,
} as const;

/** Suggestions and admin tools (issue 13), appended to /schedule's options as one block. */
const ADMIN_SUBCOMMANDS = [
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'suggestions',
    description: 'Members’ prompt suggestions: approve or deny them, and where new ones show',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'show',
        description: 'Which suggestions to list (waiting ones by default)',
        choices: [
          { name: 'Waiting', value: 'open' },
          { name: 'Approved', value: 'approved' },
          { name: 'Denied', value: 'denied' },
        ],
      },
      {
        type: ApplicationCommandOptionType.Channel,
        name: 'channel',
        description: 'A channel where each new suggestion is shown to admins',
        channel_types: [ChannelType.GuildText],
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'no_channel',
        description: 'Stop showing new suggestions in a channel',
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'links',
        description: 'Allow links in suggestions',
      },
    ],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'test',
    description: 'Post a sample of a kind in the schedule’s channel now, marked as a test',
    options: [KIND_OPTION],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'skip',
    description: 'Skip the next post of a kind',
    options: [KIND_OPTION],
  },
] as const;

/**
 * `/schedule` as Discord registers it, written `as const` so each subcommand's options are
 * typed from it (arguments.ts); `satisfies` checks it against Discord's type without widening.
 */
export const scheduleData = {
  name: 'schedule',
  description: 'Set up this server’s anniversary reminders, weekly digest and discussion prompts',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'setup',
      description: 'Choose the channel, the time and the time zone for scheduled posts',
      options: [
        {
          type: ApplicationCommandOptionType.Channel,
          name: 'channel',
          description: 'Where to post',
          required: true,
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'time',
          description: 'Local time to post, 24-hour: 09:00',
          required: true,
          max_length: 5,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'timezone',
          description: 'Your time zone: Europe/Kyiv, America/New_York, UTC…',
          required: true,
          autocomplete: true,
          max_length: 64,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'set',
      description: 'Turn kinds of posts on or off, pick the digest day and who to ping',
      options: [
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'anniversaries',
          description: 'Anniversary reminders on or off',
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'digest',
          description: 'The weekly digest on or off',
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'digest_day',
          description: 'The weekday of the digest (and of weekly prompts)',
          choices: WEEKDAY_CHOICES,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'prompts',
          description: 'How often to post a discussion prompt',
          choices: [
            { name: 'Daily', value: 'daily' },
            { name: 'Weekly, with the digest', value: 'weekly' },
            { name: 'Off', value: 'off' },
          ],
        },
        {
          type: ApplicationCommandOptionType.Role,
          name: 'ping_role',
          description: 'A role to ping with each post',
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'no_ping',
          description: 'Stop pinging a role',
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'language',
          description: 'The language scheduled posts are written in',
          // Each language also under its own name, so a reader of either finds theirs.
          choices: [
            { name: 'English', value: 'en' },
            { name: 'Українська (Ukrainian)', value: 'uk' },
          ],
        },
        // Data-change announcements (issue 12)
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'changes',
          description: 'A post when the bot’s data gains a record or a correction',
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'status',
      description: 'When the next posts go out, the last one, and any problem',
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'preview',
      description: 'See the next post of a kind, only to you',
      options: [
        { ...KIND_OPTION, choices: [...KIND_CHOICES, { name: 'Data change', value: 'change' }] },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'pause',
      description: 'Stop posting until resumed',
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'resume',
      description: 'Post again (after a pause or a fixed problem)',
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'off',
      description: 'Turn scheduled posts off and forget the settings',
    },
    // Suggestions and admin tools (issue 13): suggestions, test, skip (schedule-admin.ts).
    ...ADMIN_SUBCOMMANDS,
  ],
} as const satisfies CommandData;
