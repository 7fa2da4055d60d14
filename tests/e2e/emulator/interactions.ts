import {
  ApplicationCommandOptionType,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import type { FixtureChannel, FixtureGuild, FixtureMember } from './fixtures.js';
import { apiChannel, apiMember, DEFAULT_CHANNELS, permissionsIn } from './fixtures.js';
import type { EmulatorState } from './state.js';

type Json = Record<string, unknown>;

/** An INTERACTION_CREATE payload, ready for `handle.dispatchInteraction`. */
export interface InteractionPayload extends Json {
  id: string;
  token: string;
  type: InteractionType;
  guild_id: string;
  channel_id: string;
}

/** A value, its type inferred (string, integer, number, boolean), or an explicit typed value. */
export type OptionValue =
  | string
  | number
  | boolean
  | { type: ApplicationCommandOptionType; value: string | number | boolean };

export interface WhereAndWho {
  /** Default: the first guild. */
  guildId?: string;
  /** Default: the guild's `general` channel. */
  channelId?: string;
  /** Default: the guild's plain (non-owner, non-admin) member. */
  userId?: string;
  /** The invoking user's client locale. Default 'en-US'; Ukrainian is 'uk'. */
  locale?: string;
}

export interface SlashInput extends WhereAndWho {
  name: string;
  options?: Record<string, OptionValue>;
  subcommand?: string;
  /** A subcommand group; needs `subcommand` too. */
  group?: string;
}

export interface AutocompleteInput extends SlashInput {
  /** The option being typed into; its value (default '') is what the user has typed so far. */
  focused: string;
}

export interface ComponentInput extends WhereAndWho {
  customId: string;
  /** The stored message the component sits on; default: a new bot message carrying it. */
  messageId?: string;
}

export interface SelectInput extends ComponentInput {
  values: string[];
}

/** Discord's upload limit to report in interactions; an emulator default, override per payload. */
export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/**
 * Builds interaction payloads with every field discord.js 14 reads (without `entitlements` or
 * `authorizing_integration_owners` it throws inside the client and never replies).
 */
export class InteractionFactory {
  readonly #state: EmulatorState;

  constructor(state: EmulatorState) {
    this.#state = state;
  }

  slash(input: SlashInput): InteractionPayload {
    return this.#base(InteractionType.ApplicationCommand, input, {
      ...this.#commandIdentity(input.name, input.guildId),
      type: 1,
      options: commandOptions(input, null),
    });
  }

  autocomplete(input: AutocompleteInput): InteractionPayload {
    return this.#base(InteractionType.ApplicationCommandAutocomplete, input, {
      ...this.#commandIdentity(input.name, input.guildId),
      type: 1,
      options: commandOptions(input, input.focused),
    });
  }

  button(input: ComponentInput): InteractionPayload {
    return this.#component(
      input,
      { custom_id: input.customId, component_type: ComponentType.Button },
      {
        type: ComponentType.Button,
        style: 1,
        label: 'Button',
        custom_id: input.customId,
      },
    );
  }

  stringSelect(input: SelectInput): InteractionPayload {
    return this.#component(
      input,
      {
        custom_id: input.customId,
        component_type: ComponentType.StringSelect,
        values: input.values,
      },
      {
        type: ComponentType.StringSelect,
        custom_id: input.customId,
        options: input.values.map((value) => ({ label: value, value })),
      },
    );
  }

  #component(input: ComponentInput, data: Json, component: Json): InteractionPayload {
    const payload = this.#base(InteractionType.MessageComponent, input, data);
    payload.message = this.#messageFor(input, payload.channel_id, payload.guild_id, component);
    return payload;
  }

  /** The message a component sits on: the stored one, or a fresh bot message that carries it. */
  #messageFor(input: ComponentInput, channelId: string, guildId: string, component: Json): Json {
    const state = this.#state;
    if (input.messageId) {
      const stored = state.messages.get(input.messageId);
      if (!stored) throw new Error(`no stored message ${input.messageId}`);
      return stored.api;
    }
    const id = state.ids.next();
    const api: Json = {
      id,
      channel_id: channelId,
      guild_id: guildId,
      author: {
        id: state.world.bot.id,
        username: state.world.bot.username,
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
      },
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [{ type: ComponentType.ActionRow, components: [component] }],
      pinned: false,
      type: 0,
      flags: 0,
    };
    state.messages.set(id, {
      id,
      channelId,
      source: 'channel',
      interactionId: null,
      content: '',
      embeds: [],
      components: api.components as unknown[],
      poll: null,
      flags: 0,
      allowedMentions: null,
      nonce: null,
      files: [],
      api,
      createdAt: state.now(),
      editedAt: null,
    });
    return api;
  }

  /** The registered command's id when the bot has registered it, else a fresh one. */
  #commandIdentity(name: string, guildId: string | undefined): Json {
    const { commands, world } = this.#state;
    const guild = guildId ?? world.guilds[0]?.id;
    const guildCommand = guild
      ? commands.guilds.get(guild)?.find((c) => c.name === name)
      : undefined;
    const registered = guildCommand ?? commands.global.find((c) => c.name === name);
    return {
      id: registered?.id ?? this.#state.ids.next(),
      name,
      ...(guildCommand ? { guild_id: guild } : {}),
    };
  }

  #base(type: InteractionType, where: WhereAndWho, data: Json): InteractionPayload {
    const { guild, channel, member } = this.#resolve(where);
    const { world } = this.#state;
    const id = this.#state.ids.next();
    const memberPermissions = permissionsIn(guild, channel, member.user.id);
    return {
      id,
      application_id: world.applicationId,
      type,
      token: `emulated-interaction-token-${id}`,
      version: 1,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      channel: { ...apiChannel(channel), permissions: memberPermissions.toString() },
      channel_id: channel.id,
      member: {
        ...apiMember(member),
        permissions: memberPermissions.toString(),
      },
      app_permissions: permissionsIn(guild, channel, world.bot.id).toString(),
      locale: where.locale ?? 'en-US',
      guild_locale: guild.preferredLocale,
      entitlements: [],
      // Key '0' is a guild install, keyed to the guild's id.
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      data,
    };
  }

  #resolve(where: WhereAndWho): {
    guild: FixtureGuild;
    channel: FixtureChannel;
    member: FixtureMember;
  } {
    const { world } = this.#state;
    const guild = where.guildId
      ? world.guilds.find((g) => g.id === where.guildId)
      : world.guilds[0];
    if (!guild) throw new Error(`no guild ${where.guildId ?? '(none in the world)'}`);
    const channel = where.channelId
      ? guild.channels.find((c) => c.id === where.channelId)
      : guild.channels.find((c) => c.name === DEFAULT_CHANNELS.general);
    if (!channel)
      throw new Error(
        `no channel ${where.channelId ?? DEFAULT_CHANNELS.general} in guild ${guild.id}`,
      );
    const member = where.userId
      ? guild.members.find((m) => m.user.id === where.userId)
      : guild.members.find((m) => !m.user.bot && m.user.id !== guild.ownerId);
    if (!member)
      throw new Error(`no member ${where.userId ?? '(plain member)'} in guild ${guild.id}`);
    return { guild, channel, member };
  }
}

function commandOptions(input: SlashInput, focused: string | null): Json[] {
  const values = { ...input.options };
  if (focused !== null && !(focused in values)) values[focused] = '';
  const leaves = Object.entries(values).map(([name, value]): Json => {
    const typed = typeof value === 'object' ? value : { type: inferType(value), value };
    return {
      name,
      type: typed.type,
      value: typed.value,
      ...(name === focused ? { focused: true } : {}),
    };
  });
  if (!input.subcommand) return leaves;
  const subcommand = {
    name: input.subcommand,
    type: ApplicationCommandOptionType.Subcommand,
    options: leaves,
  };
  return input.group
    ? [
        {
          name: input.group,
          type: ApplicationCommandOptionType.SubcommandGroup,
          options: [subcommand],
        },
      ]
    : [subcommand];
}

function inferType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}
