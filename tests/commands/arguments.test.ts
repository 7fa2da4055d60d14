import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  findArgumentProblem,
  type ArgumentsOf,
  type SubcommandName,
} from '../../src/commands/arguments.js';
import { defineCommand, type CommandInput } from '../../src/commands/types.js';
import { ephemeral, isEphemeral } from '../../src/render/reply.js';
import { input } from '../helpers/context.js';

/** An input from outside any server, as the respond tests send it. */
const outsideAServer = (options: CommandInput['options']) =>
  input(options, { guildId: null, channelId: null, userId: '1' });

/* Types from definitions (issue 14): checked by `npm run typecheck`, which covers tests. */

const flat = {
  name: 'flat',
  description: 'd',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'partner',
      description: 'd',
      required: true,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'order',
      description: 'd',
      choices: [
        { name: 'Date', value: 'date' },
        { name: 'Name', value: 'name' },
      ],
    },
    { type: ApplicationCommandOptionType.Integer, name: 'year', description: 'd' },
    { type: ApplicationCommandOptionType.Boolean, name: 'picture', description: 'd' },
  ],
} as const;

const withSubcommands = {
  name: 'sub',
  description: 'd',
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'd',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'partner',
          description: 'd',
          required: true,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'd' },
  ],
} as const;

describe('GIVEN a command definition written as const', () => {
  test('WHEN it has plain options THEN required ones are present, choices are their values, others optional', () => {
    type Args = ArgumentsOf<typeof flat>;
    expectTypeOf<Args['subcommand']>().toEqualTypeOf<null>();
    expectTypeOf<Args['options']['partner']>().toEqualTypeOf<string>();
    expectTypeOf<Args['options']['order']>().toEqualTypeOf<'date' | 'name' | undefined>();
    expectTypeOf<Args['options']['year']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Args['options']['picture']>().toEqualTypeOf<boolean | undefined>();
  });

  test('WHEN it has subcommands THEN the arguments are a union by subcommand, each with its own options', () => {
    type Args = ArgumentsOf<typeof withSubcommands>;
    expectTypeOf<SubcommandName<typeof withSubcommands>>().toEqualTypeOf<'add' | 'list'>();
    expectTypeOf<
      Extract<Args, { subcommand: 'add' }>['options']['partner']
    >().toEqualTypeOf<string>();
    expectTypeOf<keyof Extract<Args, { subcommand: 'list' }>['options']>().toEqualTypeOf<never>();
    expect(withSubcommands.options.map((o) => o.name)).toEqual(['add', 'list']);
  });

  test('WHEN defined with defineCommand THEN respond reads the typed options the input carries', async () => {
    const command = defineCommand({
      data: flat,
      respond: (input) =>
        ephemeral({ content: `${input.options.partner}/${input.options.order ?? '-'}` }),
    });
    const body = await command.respond(
      outsideAServer({ partner: 'Germany', order: 'name' }),
      {} as never,
    );
    expect(body.content).toBe('Germany/name');
    expect(command.data.name).toBe('flat');
  });
});

describe('GIVEN an input checked against its definition at run time', () => {
  test.each([
    ['a fitting input', flat, { partner: 'de', order: 'date', year: 2024 }, null, null],
    ['a required option missing', flat, {}, null, 'partner'],
    ['a string option given a number', flat, { partner: 0 }, null, 'partner'],
    ['a value outside the choices', flat, { partner: 'de', order: 'size' }, null, 'order'],
    ['a fraction for an integer', flat, { partner: 'de', year: 2024.5 }, null, 'year'],
    ['text for a boolean', flat, { partner: 'de', picture: 'yes' }, null, 'picture'],
    ['a subcommand the command lacks', flat, { partner: 'de' }, 'add', 'subcommand'],
    ['a known subcommand with its option', withSubcommands, { partner: 'de' }, 'add', null],
    ['no subcommand where one is needed', withSubcommands, {}, null, 'subcommand'],
    ['an unknown subcommand', withSubcommands, {}, 'remove', 'subcommand'],
    ['a subcommand without its required option', withSubcommands, {}, 'add', 'partner'],
  ] as const)('WHEN %s THEN the problem is %s', (_what, data, options, subcommand, expected) => {
    expect(findArgumentProblem(data, { options, subcommand })).toBe(expected);
  });

  test('WHEN a defined command gets an input that does not fit THEN it answers ephemerally, naming the option, without running', async () => {
    let ran = false;
    const command = defineCommand({
      data: flat,
      respond: () => {
        ran = true;
        return ephemeral({ content: 'ran' });
      },
    });
    const body = await command.respond(outsideAServer({ partner: 0 }), {} as never);
    expect(ran).toBe(false);
    expect(isEphemeral(body)).toBe(true);
    expect(body.content).toContain('“partner”');
  });
});
