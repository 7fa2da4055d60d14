import type {
  APIApplicationCommandOptionChoice,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import type { ReplyBody } from '../render/reply.js';

/** Option values as Discord sends them, by option name; a subcommand's options are flattened in. */
export type OptionValues = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * One command invocation, as plain data. The Discord layer builds it from an interaction and the
 * preview from a typed line, so both run the very same code.
 */
export interface CommandInput {
  options: OptionValues;
  subcommand: string | null;
  /** The user's locale (interaction.locale), e.g. "en-US" or "uk". */
  locale: string;
  guildId: string | null;
  channelId: string | null;
  userId: string;
}

/** What a command may use. Pure functions get these as arguments; none reads a clock or global. */
export interface CommandContext {
  data: Dataset;
  now: () => Date;
  /** A number in [0, 1); injected so tests are deterministic. */
  random: () => number;
  /** Where people report a wrong fact (REPORT_URL); null when the operator set none. */
  reportUrl: string | null;
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
  respond(input: CommandInput, ctx: CommandContext): ReplyBody | Promise<ReplyBody>;
  autocomplete?(input: AutocompleteInput, ctx: CommandContext): Choice[];
  /** Handles a button whose custom_id starts with `${data.name}:`; returns the updated message. */
  button?(input: ButtonInput, ctx: CommandContext): ReplyBody | Promise<ReplyBody>;
}
