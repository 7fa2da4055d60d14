import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import type { SlashCommand } from '../commands/types.js';

export interface ParsedLine {
  command: SlashCommand;
  subcommand: string | null;
  options: Record<string, string | number | boolean>;
  /** The option the cursor is in (the last one typed), for autocomplete. */
  last: { name: string; value: string } | null;
}

export type ParseResult = { ok: true; line: ParsedLine } | { ok: false; error: string };

type LeafOption = Exclude<
  APIApplicationCommandOption,
  { type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }
>;

/**
 * Reads a line as a user types it in Discord: `/command [subcommand] name:value name:value`. A
 * value may hold spaces and colons; it runs until the next ` name:` of an option the command has.
 */
export function parseCommandLine(line: string, commands: readonly SlashCommand[]): ParseResult {
  const trimmed = line.trim();
  const head = /^\/(\S+)\s*/.exec(trimmed);
  if (!head?.[1])
    return { ok: false, error: 'A command line starts with /, e.g. /agreement partner:Germany' };
  const command = commands.find((c) => c.data.name === head[1]);
  if (!command) {
    return {
      ok: false,
      error: `Unknown command /${head[1]}. Commands: ${commands.map((c) => `/${c.data.name}`).join(' ')}`,
    };
  }
  let rest = trimmed.slice(head[0].length);

  const topOptions = command.data.options ?? [];
  const subcommands = topOptions.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  let subcommand: string | null = null;
  let leaves: LeafOption[] = topOptions.filter(isLeaf);
  if (subcommands.length > 0) {
    const sub = /^(\S+)\s*/.exec(rest);
    const found = subcommands.find((s) => s.name === sub?.[1]);
    if (!sub || !found) {
      return {
        ok: false,
        error: `/${command.data.name} needs a subcommand: ${subcommands.map((s) => s.name).join(', ')}`,
      };
    }
    subcommand = found.name;
    leaves = (found.options ?? []).filter(isLeaf);
    rest = rest.slice(sub[0].length);
  }

  const pairs = splitOptions(
    rest,
    leaves.map((o) => o.name),
  );
  if (!pairs.ok) return pairs;
  const options: Record<string, string | number | boolean> = {};
  for (const [name, raw] of pairs.pairs) {
    const definition = leaves.find((o) => o.name === name);
    if (!definition) return { ok: false, error: `Unknown option ${name}` };
    const value = convert(definition, raw);
    if (value === undefined) {
      return {
        ok: false,
        error: `Option ${name} does not take "${raw}"${choicesHint(definition)}`,
      };
    }
    options[name] = value;
  }
  const last = pairs.pairs.at(-1);
  return {
    ok: true,
    line: { command, subcommand, options, last: last ? { name: last[0], value: last[1] } : null },
  };
}

/** Missing required options, as Discord itself would refuse to send the command without them. */
export function missingRequired(line: ParsedLine): string[] {
  const top = line.command.data.options ?? [];
  const scope = line.subcommand
    ? ((
        top.find(
          (o) => o.name === line.subcommand && o.type === ApplicationCommandOptionType.Subcommand,
        ) as { options?: APIApplicationCommandOption[] } | undefined
      )?.options ?? [])
    : top;
  return scope
    .filter(isLeaf)
    .filter((o) => o.required && !(o.name in line.options))
    .map((o) => o.name);
}

function isLeaf(option: APIApplicationCommandOption): option is LeafOption {
  return (
    option.type !== ApplicationCommandOptionType.Subcommand &&
    option.type !== ApplicationCommandOptionType.SubcommandGroup
  );
}

function splitOptions(
  text: string,
  names: readonly string[],
): { ok: true; pairs: [string, string][] } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, pairs: [] };
  const first = /^([\p{Ll}\p{Lo}\p{N}_-]+):/u.exec(text);
  if (!first?.[1]) {
    return {
      ok: false,
      error: `Expected name:value, got "${text}". Options: ${names.join(', ') || 'none'}`,
    };
  }
  if (!names.includes(first[1])) {
    return {
      ok: false,
      error: `Unknown option ${first[1]}. Options: ${names.join(', ') || 'none'}`,
    };
  }
  const boundary = new RegExp(`\\s+(${names.map(escapeRegExp).join('|')}):`, 'gu');
  const pairs: [string, string][] = [];
  let name = first[1];
  let start = first[0].length;
  for (const match of text.matchAll(boundary)) {
    if (match.index < start) continue;
    pairs.push([name, text.slice(start, match.index).trim()]);
    name = match[1] ?? '';
    start = match.index + match[0].length;
  }
  pairs.push([name, text.slice(start).trim()]);
  return { ok: true, pairs };
}

function convert(option: LeafOption, raw: string): string | number | boolean | undefined {
  let value: string | number | boolean | undefined;
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
      value = /^-?\d+$/.test(raw) ? Number(raw) : undefined;
      break;
    case ApplicationCommandOptionType.Number:
      value = raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
      break;
    case ApplicationCommandOptionType.Boolean:
      value = raw === 'true' ? true : raw === 'false' ? false : undefined;
      break;
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable:
      // Discord sends the id; accept a mention (<#123>, <@&123>) or a bare id.
      value = /^(?:<[#@][&!]?)?(\d{1,20})>?$/.exec(raw)?.[1];
      break;
    default:
      value = raw;
  }
  if (value === undefined) return undefined;
  const choices = 'choices' in option ? option.choices : undefined;
  if (choices && choices.length > 0 && !choices.some((c) => c.value === value)) return undefined;
  return value;
}

function choicesHint(option: LeafOption): string {
  const choices = 'choices' in option ? option.choices : undefined;
  return choices?.length
    ? ` (choose one of: ${choices.map((c) => String(c.value)).join(', ')})`
    : '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
