import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { Cooldowns } from '../commands/cooldowns.js';
import type { CommandContext, CommandInput, ScheduleContext } from '../commands/types.js';
import { openJsonStore } from '../store/store.js';
import { DataError, loadData, type Dataset } from '../data/load.js';
import { loadDotEnv } from '../env.js';
import { loadPrompts } from '../schedule/prompts.js';
import { previewDue } from './due.js';
import { missingRequired, parseCommandLine } from './parse.js';
import { seededRandom } from './random.js';
import { replyToJson, replyToText } from './text.js';

/**
 * The offline preview: any reply of the bot, without Discord.
 *   npm run -s preview -- '/agreement partner:Germany' [--json] [--locale uk] [--out file.png]
 *   npm run -s preview -- --autocomplete '/agreement partner:ger' [--json]
 * Exit 0 for any reply of the bot (ephemeral ones too); 2 for a line the bot would never get.
 */
const USAGE = `Usage: npm run -s preview -- '/command name:value …' [--json] [--locale uk] [--seed N] [--out file]
       npm run -s preview -- --autocomplete '/command name:partial' [--json]
       npm run -s preview -- due --at 2025-02-16T07:00:00Z --timezone Europe/Kyiv --hour 9 [--json]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  // The same settings as the bot (REPORT_URL shows in /about), so a reply looks as it will.
  loadDotEnv();
  if (argv[0] === 'due') {
    const data = loadOrFail();
    const result = previewDue(argv.slice(1), data, loadPrompts(data));
    if (!result.ok) fail(result.error);
    process.stdout.write(`${result.output}\n`);
    return;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        autocomplete: { type: 'boolean', default: false },
        locale: { type: 'string', default: 'en-US' },
        seed: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1 || positionals[0] === undefined) fail(USAGE);

  const data = loadOrFail();
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) fail('--seed takes a whole number');
  const ctx: CommandContext = {
    data,
    now: () => new Date(),
    random: seed === undefined ? Math.random : seededRandom(seed),
    reportUrl: process.env['REPORT_URL'] ?? null,
    schedule: await previewScheduleContext(data),
  };

  const result = parseCommandLine(positionals[0], commands);
  if (!result.ok) fail(result.error);
  const { line } = result;
  const input: CommandInput = {
    options: line.options,
    subcommand: line.subcommand,
    locale: values.locale,
    guildLocale: null,
    guildId: 'preview-guild',
    channelId: 'preview-channel',
    userId: 'preview-user',
    // The preview plays a server admin, so /schedule answers as it would for one.
    memberPermissions: PermissionFlagsBits.ManageGuild,
  };

  if (values.autocomplete) {
    if (!line.last || !line.command.autocomplete) {
      fail(`/${line.command.data.name} has no autocomplete for that option`);
    }
    const choices = line.command.autocomplete(
      { ...input, focused: { name: line.last.name, value: line.last.value } },
      ctx,
    );
    process.stdout.write(
      values.json
        ? `${JSON.stringify(choices)}\n`
        : `${choices.map((c) => `${c.name}  (${c.value})`).join('\n')}\n`,
    );
    return;
  }

  const missing = missingRequired(line);
  if (missing.length > 0) fail(`/${line.command.data.name} needs ${missing.join(', ')}`);
  const body = await line.command.respond(input, ctx);
  if (values.out) {
    const file = body.files?.[0];
    if (!file) fail(`/${line.command.data.name} attaches no picture to write to ${values.out}`);
    writeFileSync(values.out, file.data);
  }
  process.stdout.write(
    values.json
      ? `${JSON.stringify(replyToJson(body))}\n`
      : `${replyToText(body, values.locale)}\n`,
  );
}

/**
 * /schedule and /discuss against a throw-away store in a temp folder, and a channel where the bot
 * has every permission: each preview run starts from a server with no schedule.
 */
async function previewScheduleContext(data: Dataset): Promise<ScheduleContext> {
  const folder = mkdtempSync(join(tmpdir(), 'bot-preview-'));
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  return {
    store: await openJsonStore(join(folder, 'store.json'), quiet),
    prompts: loadPrompts(data),
    channels: { inspect: () => Promise.resolve({ kind: 'ok', name: 'preview', missing: [] }) },
    cooldowns: new Cooldowns(),
  };
}

function loadOrFail(): Dataset {
  try {
    return loadData();
  } catch (error) {
    if (error instanceof DataError) fail(error.message);
    throw error;
  }
}

await main(process.argv.slice(2));
