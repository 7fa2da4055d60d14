import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import type { SlashCommand } from '../commands/types.js';
import { isSnowflake } from '../snowflake.js';

export interface ParsedLine {
  command: SlashCommand;
  subcommand: string | null;
  options: Record<string, string | number | boolean>;
  /** The option the cursor is in (the last one typed), for autocomplete. */
  last: { name: string; value: string } | null;
  /** Channels, roles and users given by name (`#agreements`, `@pacts`): the id each stands for. */
  mentions: Map<string, string>;
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
  const mentions = new Map<string, string>();
  for (const [name, raw] of pairs.pairs) {
    const definition = leaves.find((o) => o.name === name);
    if (!definition) return { ok: false, error: `Unknown option ${name}` };
    const value = convert(definition, raw);
    if (value === undefined) {
      return {
        ok: false,
        error: `Option ${name} does not take "${raw}"${choicesHint(definition)}${mentionHint(definition)}`,
      };
    }
    options[name] = value;
    const named = /^[#@](.+)$/u.exec(raw)?.[1];
    if (named && typeof value === 'string') mentions.set(value, named);
  }
  const last = pairs.pairs.at(-1);
  return {
    ok: true,
    line: {
      command,
      subcommand,
      options,
      last: last ? { name: last[0], value: last[1] } : null,
      mentions,
    },
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
      value = readMention(raw);
      break;
    default:
      value = raw;
  }
  if (value === undefined) return undefined;
  const choices = 'choices' in option ? option.choices : undefined;
  if (!choices || choices.length === 0) return value;
  // Discord shows a choice by its name and sends its value: take either, as a user would.
  const folded = String(value).toLocaleLowerCase('en');
  const choice =
    choices.find((c) => c.value === value) ??
    choices.find((c) => c.name.toLocaleLowerCase('en') === folded) ??
    choices.find((c) => String(c.value).toLocaleLowerCase('en') === folded);
  return choice?.value;
}

/**
 * The id Discord would send for a channel, role or user: from a mention (`<#id>`, `<@&id>`,
 * `<@!id>`), a bare id, or a name as a user picks it in Discord (`#agreements`, `@pacts`), which
 * stands for a made-up id of the preview's server, the same for the same name.
 */
function readMention(raw: string): string | undefined {
  const id = /^(?:<(?:#|@&|@!|@))?(\d+)>?$/.exec(raw)?.[1];
  if (id !== undefined) return isSnowflake(id) ? id : undefined;
  const name = /^[#@](\S.*)$/u.exec(raw)?.[1];
  return name === undefined ? undefined : previewIdFor(name);
}

/** A made-up snowflake for a name: FNV-1a over it, as 18 digits starting with 1. */
export function previewIdFor(name: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(name.toLocaleLowerCase('en'))) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `1${String(hash % 10n ** 17n).padStart(17, '0')}`;
}

function mentionHint(option: LeafOption): string {
  switch (option.type) {
    case ApplicationCommandOptionType.Channel:
      return ' (a channel: #name, <#id> or an id of 17–20 digits)';
    case ApplicationCommandOptionType.Role:
      return ' (a role: @name, <@&id> or an id of 17–20 digits)';
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable:
      return ' (@name, a mention or an id of 17–20 digits)';
    default:
      return '';
  }
}

function choicesHint(option: LeafOption): string {
  const choices = 'choices' in option ? option.choices : undefined;
  return choices?.length
    ? ` (choose one of: ${choices.map((c) => String(c.value)).join(', ')}${namesOf(choices)})`
    : '';
}

/** The choices' names too, where they differ from the values: `digest_day:Friday` is `5`. */
function namesOf(choices: readonly { name: string; value: string | number }[]): string {
  const names = choices.filter((c) => c.name !== String(c.value)).map((c) => c.name);
  return names.length > 0 ? `; or by name: ${names.join(', ')}` : '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
