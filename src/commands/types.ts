import type {
  APIApplicationCommandOptionChoice,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import type { ReplyBody } from '../render/reply.js';
import type { PromptBank } from '../schedule/prompts.js';
import type { StorePorts } from '../store/ports.js';
import type { FactReport } from '../store/reports.js';
import { stringsFor } from '../i18n/index.js';
import { ephemeral } from '../render/reply.js';
import {
  findArgumentProblem,
  registrationBody,
  type ArgumentsOf,
  type CommandData,
} from './arguments.js';
import type { CooldownKeeper } from './cooldowns.js';

/** Option values as Discord sends them, by option name; a subcommand's options are flattened in. */
export type OptionValues = Readonly<Record<string, string | number | boolean | undefined>>;

/** Options and subcommand of an input whose command is not known by type (buttons, modals). */
export interface LooseArguments {
  readonly options: OptionValues;
  readonly subcommand: string | null;
}

/**
 * One command invocation, as plain data. The Discord layer builds it from an interaction and the
 * preview from a typed line, so both run the very same code. `A` types its options and
 * subcommand from the command's definition (see arguments.ts).
 */
export type CommandInput<A = LooseArguments> = InputContext & A;

/** Who asked, where, and in which language: everything of an input but its options. */
export interface InputContext {
  /** The user's locale (interaction.locale), e.g. "en-US" or "uk". */
  locale: string;
  /** The server's preferred locale (interaction.guildLocale); null outside a server. */
  guildLocale: string | null;
  guildId: string | null;
  channelId: string | null;
  userId: string;
  /** The member's permissions in the channel (interaction.memberPermissions); null outside a server. */
  memberPermissions?: bigint | null;
  /** The server's name, where Discord's cache has it (issue 13: named in a DM to a member). */
  guildName?: string | null;
}

/** What a command may use. Pure functions get these as arguments; none reads a clock or global. */
export interface CommandContext {
  data: Dataset;
  now: () => Date;
  /** A number in [0, 1); injected so tests are deterministic. */
  random: () => number;
  /** Where people report a wrong fact (REPORT_URL); null when the operator set none. */
  reportUrl: string | null;
  /** What the schedule commands need; absent where schedules are not served. */
  schedule?: ScheduleContext;
  /** What /report, /reports and /follow need (issue 13); absent where they are not served. */
  community?: CommunityContext;
}

/** Fact reports and follows: the store, where reports go, and who the operator is. */
export interface CommunityContext {
  store: Pick<StorePorts, 'reports' | 'follows'>;
  /**
   * Passes a new report to the operator (their channel, or their webhook). Resolves false when
   * it could not: the report is kept and listed all the same. Never throws.
   */
  deliverReport(report: FactReport): Promise<boolean>;
  /** The operator's user id (OWNER_ID); null: nobody may use /reports. */
  ownerId: string | null;
  /** A fresh report id. */
  newReportId(): string;
}

/** Checks what the bot may do in a channel (Discord's permission model lives in src/discord). */
export interface ChannelInspector {
  inspect(
    guildId: string,
    channelId: string,
  ): Promise<
    /** `name` is null for a channel the bot may not see (Discord does not say its name). */
    { kind: 'ok'; name: string | null; missing: ChannelPermission[] } | { kind: 'not-found' }
  >;
}

export type ChannelPermission =
  | 'ViewChannel'
  | 'SendMessages'
  | 'EmbedLinks'
  | 'CreatePublicThreads'
  | 'SendMessagesInThreads'
  | 'SendPolls';

export interface ScheduleContext {
  /** The settings and the post ledger (JSON file, PostgreSQL, or memory in tests). */
  store: StorePorts;
  prompts: PromptBank;
  channels: ChannelInspector;
  /** In memory, or in PostgreSQL so they hold across processes. */
  cooldowns: CooldownKeeper;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

export interface AutocompleteInput extends CommandInput {
  focused: { name: string; value: string };
}

export interface ButtonInput extends CommandInput {
  /** The parts of the custom_id after the command's name, split on ":". */
  args: readonly string[];
}

export interface SlashCommand {
  /** The registration body, plain JSON. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /**
   * Every answer is ephemeral (the admin commands). A reply that runs past the router's deadline
   * is deferred first, and Discord fixes a reply's visibility at that first response: a public
   * deferral would make the answer public.
   */
  ephemeral?: true;
  respond(input: CommandInput, ctx: CommandContext): ReplyBody | Promise<ReplyBody>;
  autocomplete?(input: AutocompleteInput, ctx: CommandContext): Choice[];
  /** Handles a button whose custom_id starts with `${data.name}:`; returns the updated message. */
  button?(input: ButtonInput, ctx: CommandContext): ReplyBody | Promise<ReplyBody>;
  /**
   * Handles a modal whose custom_id starts with `${data.name}:` (issue 13: a denial's reason);
   * `options` holds its text inputs by custom_id. Returns the updated message.
   */
  modal?(input: ButtonInput, ctx: CommandContext): ReplyBody | Promise<ReplyBody>;
}

/** A command as written: its data literal, so `respond` reads options typed from it. */
export interface CommandDefinition<D extends CommandData> extends Omit<
  SlashCommand,
  'data' | 'respond'
> {
  data: D;
  respond(input: CommandInput<ArgumentsOf<D>>, ctx: CommandContext): ReplyBody | Promise<ReplyBody>;
}

/**
 * Defines a command with its data kept literal (`const D`), so `respond` sees its options' and
 * subcommands' types (a required string is a string, a choice one of its values) without a cast
 * in the command. The one narrowing is here, and it is checked: Discord and the preview's parser
 * send only inputs that fit the definition, and one that does not (a test's, a bug's) gets an
 * ephemeral answer naming the option instead of reaching the command.
 */
export function defineCommand<const D extends CommandData>(
  definition: CommandDefinition<D>,
): SlashCommand {
  return {
    ...definition,
    data: registrationBody(definition.data),
    respond(input, ctx) {
      const problem = findArgumentProblem(definition.data, input);
      if (problem !== null) {
        return ephemeral({ content: stringsFor(input.locale).errors.badOption(problem) });
      }
      return definition.respond(input as unknown as CommandInput<ArgumentsOf<D>>, ctx);
    },
  };
}
