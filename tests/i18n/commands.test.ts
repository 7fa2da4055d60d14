import type { APIApplicationCommandOption } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { ukCommands } from '../../src/i18n/commands.js';
import { LIMITS } from '../../src/render/limits.js';

/** Discord's rule for command and option names (DISCORD-NOTES.md), lowercase where a case exists. */
const NAME = /^[-_'\p{L}\p{N}]{1,32}$/u;

interface Localized {
  path: string;
  name: string;
  description: string;
  uk: { name: string | undefined; description: string | undefined };
}

function optionsOf(option: APIApplicationCommandOption): APIApplicationCommandOption[] {
  return 'options' in option && option.options ? option.options : [];
}

function everyOption(options: readonly APIApplicationCommandOption[], path: string): Localized[] {
  return options.flatMap((option) => [
    {
      path: `${path} ${option.name}`,
      name: option.name,
      description: option.description,
      uk: {
        name: option.name_localizations?.uk ?? undefined,
        description: option.description_localizations?.uk ?? undefined,
      },
    },
    ...everyOption(optionsOf(option), `${path} ${option.name}`),
  ]);
}

const everything: Localized[] = commands.flatMap((command) => [
  {
    path: `/${command.data.name}`,
    name: command.data.name,
    description: command.data.description,
    uk: {
      name: command.data.name_localizations?.uk ?? undefined,
      description: command.data.description_localizations?.uk ?? undefined,
    },
  },
  ...everyOption(command.data.options ?? [], `/${command.data.name}`),
]);

const choices = commands.flatMap((command) =>
  everyOption(command.data.options ?? [], `/${command.data.name}`).flatMap((option) => {
    const found = findOption(command.data.options ?? [], option.path.split(' ').slice(1));
    const list = found && 'choices' in found && found.choices ? found.choices : [];
    return list.map((choice) => ({
      path: `${option.path} = ${String(choice.value)}`,
      name: choice.name,
      uk: choice.name_localizations?.uk ?? undefined,
    }));
  }),
);

function findOption(
  options: readonly APIApplicationCommandOption[],
  names: readonly string[],
): APIApplicationCommandOption | undefined {
  const [first, ...rest] = names;
  const option = options.find((o) => o.name === first);
  if (!option || rest.length === 0) return option;
  return findOption(optionsOf(option), rest);
}

describe('Ukrainian command localizations', () => {
  test('GIVEN the command list THEN it has commands, options and choices to check', () => {
    expect(everything.length).toBeGreaterThanOrEqual(commands.length + 4);
    expect(choices.length).toBeGreaterThan(0);
  });

  test.each(everything.map((item) => [item.path, item] as const))(
    'GIVEN %s THEN it has a Ukrainian name and description within Discord’s rules',
    (_, item) => {
      expect(item.uk.name).toBeDefined();
      expect(item.uk.name).toMatch(NAME);
      expect(item.uk.name).toBe(item.uk.name?.toLowerCase());
      expect(item.uk.name).toMatch(/\p{Script=Cyrillic}/u);
      expect(item.uk.description?.length ?? 0).toBeGreaterThanOrEqual(1);
      expect(item.uk.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.commandDescription);
      expect(item.uk.description).not.toBe(item.description);
    },
  );

  test.each(choices.map((choice) => [choice.path, choice] as const))(
    'GIVEN choice %s THEN it has a Ukrainian name of 1–100 characters',
    (_, choice) => {
      expect(choice.uk?.length ?? 0).toBeGreaterThanOrEqual(1);
      expect(choice.uk?.length ?? 0).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(choice.uk).not.toBe(choice.name);
    },
  );

  test('GIVEN the commands THEN their Ukrainian names are unique', () => {
    const names = commands.map((c) => c.data.name_localizations?.uk);
    expect(new Set(names).size).toBe(names.length);
  });

  test.each(commands.map((c) => [c.data.name, c] as const))(
    'GIVEN /%s THEN the Ukrainian names of its options are unique among them',
    (_, command) => {
      const names = (command.data.options ?? []).map((o) => o.name_localizations?.uk);
      expect(new Set(names).size).toBe(names.length);
    },
  );

  test('GIVEN the localization table THEN it names no command or option that does not exist', () => {
    const stale: string[] = [];
    for (const [name, localization] of Object.entries(ukCommands)) {
      const command = commands.find((c) => c.data.name === name);
      if (!command) stale.push(`/${name}`);
      for (const option of Object.keys(localization.options ?? {})) {
        if (!command?.data.options?.some((o) => o.name === option)) {
          stale.push(`/${name} ${option}`);
        }
      }
    }
    expect(stale).toEqual([]);
  });
});
