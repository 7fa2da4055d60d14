import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  ModalSubmitInteraction,
} from 'discord.js';
import { MessageFlags, Routes } from 'discord.js';
import type { CommandContext, SlashCommand } from '../commands/types.js';
import { stringsFor } from '../i18n/index.js';
import type { Logger } from '../log.js';
import type { InteractionKind, InteractionOutcome, Metrics } from '../ops/metrics.js';
import { isEphemeral, type ReplyBody } from '../render/reply.js';
import { toCommandInput } from './interaction-input.js';
import { NO_PINGS, toReplyOptions } from './send.js';
import { runEffects, tellUntoldOutcomes } from './effects.js';

/**
 * Discord kills an interaction token after 3 s without a first response. A reply not ready by
 * this deadline is deferred first and sent as an edit when it is.
 */
export const DEFER_AFTER_MS = 2000;

export interface RouterDeps {
  commands: readonly SlashCommand[];
  ctx: CommandContext;
  log: Logger;
  /** Counts each interaction for /metrics; absent, nothing is counted. */
  metrics?: Pick<Metrics, 'recordInteraction'>;
  /**
   * Told of each public reply that carried a poll (`/discuss`), once it is sent: community,
   * issue 13, keeps it so the results are posted when it closes. Its failure is only logged.
   */
  onPollReply?: (poll: PollReply) => Promise<void>;
  /** How long a reply may take before it is deferred; DEFER_AFTER_MS unless a test shortens it. */
  deferAfterMs?: number;
}

/** A reply with a poll, as sent. */
export interface PollReply {
  guildId: string;
  channelId: string;
  messageId: string;
  /** The poll's duration, in hours. */
  durationHours: number;
  /** The server's language, else the member's. */
  locale: string;
}

/** The one interactionCreate handler: routes to the command, and holds the one catch. */
export function createInteractionRouter({
  commands,
  ctx,
  log,
  metrics,
  onPollReply,
  deferAfterMs = DEFER_AFTER_MS,
}: RouterDeps) {
  const byName = new Map(commands.map((command) => [command.data.name, command]));

  async function onChatInput(
    interaction: ChatInputCommandInteraction,
  ): Promise<InteractionOutcome> {
    const command = byName.get(interaction.commandName);
    if (!command) throw new Error(`unknown command ${interaction.commandName}`);
    const body = await withDeferral(
      command.respond(toCommandInput(interaction), ctx),
      () => interaction.deferReply(command.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      deferAfterMs,
    );
    if (interaction.deferred) await interaction.editReply(toReplyOptions(body));
    else await interaction.reply(toReplyOptions(body));
    if (body.thread) await openThreadOnReply(interaction, body.thread);
    if (body.poll && onPollReply) await recordPollReply(interaction, body.poll.duration ?? 24);
    // Suggestions (issue 13): what the reply set in motion, then news the member has not heard.
    await runEffects(interaction, body.effects, ctx, log);
    await tellUntoldOutcomes(interaction, ctx, log);
    return isEphemeral(body) ? 'ephemeral' : 'ok';
  }

  async function recordPollReply(
    interaction: ChatInputCommandInteraction,
    durationHours: number,
  ): Promise<void> {
    if (!interaction.guildId || !onPollReply) return;
    try {
      const reply = await fetchReplyIds(interaction);
      await onPollReply({
        guildId: interaction.guildId,
        channelId: reply.channelId,
        messageId: reply.messageId,
        durationHours,
        locale: interaction.guildLocale ?? interaction.locale,
      });
    } catch (error) {
      log.warn({ err: error, guildId: interaction.guildId }, 'could not record the reply’s poll');
    }
  }

  /** Opens a thread for answers under a public reply; without the permission the reply stands alone. */
  async function openThreadOnReply(
    interaction: ChatInputCommandInteraction,
    thread: NonNullable<ReplyBody['thread']>,
  ): Promise<void> {
    try {
      const reply = await fetchReplyIds(interaction);
      // Through REST by ids, as the scheduled posts do (poster.ts): `message.startThread` needs
      // the channel in discord.js's cache, and the bot keeps no channels (cache.ts).
      await interaction.client.rest.post(Routes.threads(reply.channelId, reply.messageId), {
        body: thread,
      });
    } catch (error) {
      log.warn(
        { err: error, guildId: interaction.guildId },
        'could not open a thread on the reply',
      );
    }
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<InteractionOutcome> {
    const command = byName.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const choices =
      command?.autocomplete?.(
        {
          ...toCommandInput(interaction),
          focused: { name: focused.name, value: String(focused.value) },
        },
        ctx,
      ) ?? [];
    await interaction.respond(choices);
    return 'ok';
  }

  async function onButton(interaction: ButtonInteraction): Promise<InteractionOutcome> {
    const [name, ...args] = interaction.customId.split(':');
    const command = name === undefined ? undefined : byName.get(name);
    if (!command?.button) {
      await interaction.reply({
        content: stringsFor(interaction.locale).errors.unknownButton,
        flags: MessageFlags.Ephemeral,
      });
      return 'ephemeral';
    }
    const body = await command.button({ ...toCommandInput(interaction), args }, ctx);
    // English original of a later record (issue 12): a reply of its own, the message untouched.
    if (body.replyApart) {
      await interaction.reply(toReplyOptions(body));
      return isEphemeral(body) ? 'ephemeral' : 'ok';
    }
    // A button that needs more first (a denial's reason) opens a modal; nothing is decided yet.
    if (body.modal) {
      const modal = body.modal;
      await interaction.showModal({ toJSON: () => modal });
      return 'ok';
    }
    await interaction.update(toReplyOptions(body));
    await runEffects(interaction, body.effects, ctx, log);
    return 'ok';
  }

  /** A modal's submit, routed like a button: `<command>:<args…>`, its text inputs as options. */
  async function onModalSubmit(interaction: ModalSubmitInteraction): Promise<InteractionOutcome> {
    const [name, ...args] = interaction.customId.split(':');
    const command = name === undefined ? undefined : byName.get(name);
    if (!command?.modal) {
      await interaction.reply({
        content: stringsFor(interaction.locale).errors.unknownButton,
        flags: MessageFlags.Ephemeral,
      });
      return 'ephemeral';
    }
    const options: Record<string, string> = {};
    for (const [id, field] of interaction.fields.fields) {
      if ('value' in field && typeof field.value === 'string') options[id] = field.value;
    }
    const body = await command.modal({ ...toCommandInput(interaction), options, args }, ctx);
    if (interaction.isFromMessage()) await interaction.update(toReplyOptions(body));
    else await interaction.reply({ ...toReplyOptions(body), flags: MessageFlags.Ephemeral });
    await runEffects(interaction, body.effects, ctx, log);
    return 'ok';
  }

  async function dispatchInteraction(interaction: Interaction): Promise<InteractionOutcome | null> {
    if (interaction.isChatInputCommand()) return onChatInput(interaction);
    if (interaction.isAutocomplete()) return onAutocomplete(interaction);
    if (interaction.isButton()) return onButton(interaction);
    if (interaction.isModalSubmit()) return onModalSubmit(interaction);
    return null;
  }

  return async function route(interaction: Interaction): Promise<void> {
    const startedAt = performance.now();
    let outcome: InteractionOutcome | null = 'failed';
    try {
      outcome = await dispatchInteraction(interaction);
    } catch (error) {
      log.error(
        {
          err: error,
          command: labelInteraction(interaction),
          guildId: interaction.guildId,
          interactionId: interaction.id,
        },
        'interaction failed',
      );
      await answerFailure(interaction, log);
    }
    // Interactions the bot does not handle (none are registered) are not counted.
    if (outcome === null) return;
    const ms = performance.now() - startedAt;
    const { kind, command, subcommand } = describeInteraction(interaction);
    // Names only, never what the user typed: the options stay out of the log.
    log.info(
      {
        event: 'interaction',
        kind,
        command,
        subcommand,
        outcome,
        latencyMs: Math.round(ms * 10) / 10,
        deferred: interaction.isRepliable() && interaction.deferred,
        guildId: interaction.guildId,
      },
      'interaction',
    );
    metrics?.recordInteraction(kind, command, outcome, ms / 1000);
  };
}

/** What an interaction was for, by name: the command (a button's is its id's first part). */
function describeInteraction(interaction: Interaction): {
  kind: InteractionKind;
  command: string;
  subcommand: string | null;
} {
  if (interaction.isChatInputCommand()) {
    return {
      kind: 'command',
      command: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false),
    };
  }
  if (interaction.isAutocomplete()) {
    return {
      kind: 'autocomplete',
      command: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false),
    };
  }
  const name =
    interaction.isButton() || interaction.isModalSubmit()
      ? interaction.customId.split(':')[0]
      : undefined;
  return { kind: 'button', command: name || 'unknown', subcommand: null };
}

function labelInteraction(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  if (interaction.isModalSubmit()) return `modal ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}

async function withDeferral(
  pending: ReplyBody | Promise<ReplyBody>,
  defer: () => Promise<unknown>,
  deferAfterMs: number,
): Promise<ReplyBody> {
  if (!(pending instanceof Promise)) return pending;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deferAfterMs);
  });
  try {
    const first = await Promise.race([pending, late]);
    if (first !== 'late') return first;
    await defer();
    return await pending;
  } finally {
    clearTimeout(timer);
  }
}

/** A short ephemeral apology; never throws, since it runs inside the catch. */
async function answerFailure(interaction: Interaction, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const message = {
      content: stringsFor(interaction.locale).errors.unexpected,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_PINGS,
    } as const;
    if (interaction.deferred || interaction.replied) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (error) {
    log.warn(
      { err: error, interactionId: interaction.id },
      'could not tell the user about a failure',
    );
  }
}

/**
 * Where the interaction's reply landed, read raw: `interaction.fetchReply()` builds a discord.js
 * Message, which needs the channel in the cache for a reply with a poll, and the bot keeps no
 * channels (cache.ts).
 */
async function fetchReplyIds(
  interaction: ChatInputCommandInteraction,
): Promise<{ channelId: string; messageId: string }> {
  const message = (await interaction.client.rest.get(
    Routes.webhookMessage(interaction.applicationId, interaction.token, '@original'),
    // A webhook URL carries its own token: the bot's is not sent, as discord.js does not.
    { auth: false },
  )) as { id: string; channel_id: string };
  return { channelId: message.channel_id, messageId: message.id };
}
