import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { isSnowflake } from '../snowflake.js';

/*
 * A command's options typed from its own definition, as the discord.js team's bot does with
 * `ArgumentsOf<typeof Command>` (discord-utils-bot, src/util/argumentsOf.ts): the data is
 * written once, `as const` through `defineCommand`, and the types of `input.options` and
 * `input.subcommand` follow from it. Both producers of an input (Discord, and the preview's
 * parser) check it against the same definition, so the types hold at run time: a required
 * option is there, a choice is one of its values, a subcommand is one of the command's.
 */

/** The parts of an option definition the types read; the rest of Discord's fields pass. */
interface OptionShape {
  readonly type: ApplicationCommandOptionType;
  readonly name: string;
  readonly required?: boolean;
  readonly choices?: readonly { readonly name: string; readonly value: string | number }[];
  readonly options?: readonly OptionShape[];
}

/** A registration body as a readonly literal: Discord's own type, with `as const` allowed. */
export type CommandData = DeepReadonly<RESTPostAPIChatInputApplicationCommandsJSONBody>;

type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** One option's value as it arrives: a choice's value, or the type's; ids for users and the like. */
type ValueOf<O extends OptionShape> = O extends {
  readonly choices: readonly { readonly value: infer V }[];
}
  ? V
  : O['type'] extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number
    ? number
    : O['type'] extends ApplicationCommandOptionType.Boolean
      ? boolean
      : string;

type IsRequired<O> = O extends { readonly required: true } ? true : false;

/** Leaf options by name: required ones present, the others optional. */
type LeafValues<Os extends readonly OptionShape[]> = {
  readonly [O in Os[number] as IsRequired<O> extends true ? O['name'] : never]: ValueOf<O>;
} & {
  readonly [O in Os[number] as IsRequired<O> extends true ? never : O['name']]?: ValueOf<O>;
};

type SubcommandOf<Os extends readonly OptionShape[]> = Extract<
  Os[number],
  { readonly type: ApplicationCommandOptionType.Subcommand }
>;

/** What a command's input carries, from its definition: one shape per subcommand, as a union. */
export type ArgumentsOf<D extends { readonly options?: readonly OptionShape[] }> =
  D['options'] extends readonly OptionShape[]
    ? [SubcommandOf<D['options']>] extends [never]
      ? { readonly subcommand: null; readonly options: LeafValues<D['options']> }
      : {
          [S in SubcommandOf<D['options']> as S['name']]: {
            readonly subcommand: S['name'];
            readonly options: LeafValues<
              S['options'] extends readonly OptionShape[] ? S['options'] : readonly []
            >;
          };
        }[SubcommandOf<D['options']>['name']]
    : { readonly subcommand: null; readonly options: Record<string, never> };

/** The names of a command's subcommands, from its definition. */
export type SubcommandName<D extends { readonly options?: readonly OptionShape[] }> =
  ArgumentsOf<D> extends { readonly subcommand: infer S } ? Exclude<S, null> : never;

/** The body Discord registers: the same literal, seen through Discord's (mutable) type. */
export function registrationBody(
  data: CommandData,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return data as RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** Option types whose value is an id (a user, channel, role, mentionable or attachment). */
const ID_TYPES: ReadonlySet<ApplicationCommandOptionType> = new Set([
  ApplicationCommandOptionType.User,
  ApplicationCommandOptionType.Channel,
  ApplicationCommandOptionType.Role,
  ApplicationCommandOptionType.Mentionable,
  ApplicationCommandOptionType.Attachment,
]);

function fitsType(option: OptionShape, value: string | number | boolean): boolean {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return typeof value === 'string';
    case ApplicationCommandOptionType.Integer:
      return Number.isSafeInteger(value);
    case ApplicationCommandOptionType.Number:
      return typeof value === 'number' && Number.isFinite(value);
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean';
    default:
      return ID_TYPES.has(option.type) && isSnowflake(value);
  }
}

/**
 * Where an input breaks its command's definition: the name of the first option that is missing
 * though required, of the wrong type, or not one of its choices ('subcommand' for an unknown or
 * missing subcommand); null when it fits. Discord and the preview's parser only send inputs that
 * fit, so this guards the types `ArgumentsOf` promises against anything else (a test, a bug).
 */
export function findArgumentProblem(
  data: { readonly options?: readonly OptionShape[] },
  input: {
    readonly options: Readonly<Record<string, string | number | boolean | undefined>>;
    readonly subcommand: string | null;
  },
): string | null {
  const top = data.options ?? [];
  const subcommands = top.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  let leaves = top;
  if (subcommands.length > 0) {
    const chosen = subcommands.find((o) => o.name === input.subcommand);
    if (!chosen) return 'subcommand';
    leaves = chosen.options ?? [];
  } else if (input.subcommand !== null) {
    return 'subcommand';
  }
  for (const option of leaves) {
    const value = input.options[option.name];
    if (value === undefined) {
      if (option.required) return option.name;
      continue;
    }
    if (!fitsType(option, value)) return option.name;
    if (option.choices && !option.choices.some((choice) => choice.value === value)) {
      return option.name;
    }
  }
  return null;
}
