import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import type { CommandContext, CommandInput } from '../commands/types.js';
import { DataError, loadData } from '../data/load.js';
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
       npm run -s preview -- --autocomplete '/command name:partial' [--json]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
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

  let data;
  try {
    data = loadData();
  } catch (error) {
    if (error instanceof DataError) fail(error.message);
    throw error;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) fail('--seed takes a whole number');
  const ctx: CommandContext = {
    data,
    now: () => new Date(),
    random: seed === undefined ? Math.random : seededRandom(seed),
    reportUrl: process.env['REPORT_URL'] ?? null,
  };

  const result = parseCommandLine(positionals[0], commands);
  if (!result.ok) fail(result.error);
  const { line } = result;
  const input: CommandInput = {
    options: line.options,
    subcommand: line.subcommand,
    locale: values.locale,
    guildId: 'preview-guild',
    channelId: 'preview-channel',
    userId: 'preview-user',
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

await main(process.argv.slice(2));
