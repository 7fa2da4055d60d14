import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

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

/** An option definition through Discord's type, for code that walks definitions at run time. */
export type OptionDefinition = DeepReadonly<APIApplicationCommandOption>;

/**
 * An input's options held to the definition, the one run-time check behind `ArgumentsOf`: a value
 * of the wrong type, or not one of its option's choices, is read as absent, as the commands read
 * such values before they were typed; a required string arrives as text (`String(value ?? '')`),
 * so a command never meets a number where its definition says a string (anything else: ''). Discord and the preview
 * send only conforming inputs; this keeps a hand-built one (a test, a replayed payload) safe.
 */
export function conformOptions(
  data: CommandData,
  subcommand: string | null,
  options: Readonly<Record<string, unknown>>,
): Record<string, string | number | boolean | undefined> {
  const top = (data.options ?? []) as readonly OptionShape[];
  const scope = subcommand
    ? (top.find((option) => option.name === subcommand)?.options ?? [])
    : top;
  const conformed: Record<string, string | number | boolean | undefined> = {};
  for (const option of scope) {
    const value = Object.hasOwn(options, option.name) ? options[option.name] : undefined;
    const fits =
      typeof value === expectedType(option.type) &&
      (!option.choices || option.choices.some((choice) => choice.value === value));
    if (fits) conformed[option.name] = value as string | number | boolean;
    else if (option.required && expectedType(option.type) === 'string' && !option.choices) {
      conformed[option.name] =
        typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
    }
  }
  return conformed;
}

function expectedType(type: ApplicationCommandOptionType): 'string' | 'number' | 'boolean' {
  if (type === ApplicationCommandOptionType.Integer || type === ApplicationCommandOptionType.Number)
    return 'number';
  if (type === ApplicationCommandOptionType.Boolean) return 'boolean';
  return 'string';
}
