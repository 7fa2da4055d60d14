import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { Cooldowns } from '../commands/cooldowns.js';
import type { CommandContext, CommandInput, ScheduleContext } from '../commands/types.js';
import { openJsonStore, type JsonStore } from '../store/store.js';
import { DataError, loadData, type Dataset } from '../data/load.js';
import { loadDotEnv } from '../env.js';
import { loadPrompts } from '../schedule/prompts.js';
import { DUE_HELP, previewDue } from './due.js';
import { describeFailure } from './failure.js';
import { SNOWFLAKE_DIGITS } from '../snowflake.js';
import { missingRequired, parseCommandLine } from './parse.js';
import { seededRandom } from './random.js';
import { replyToJson, replyToText } from './text.js';

/**
 * The offline preview: any reply of the bot, without Discord.
 *   npm run -s preview -- '/agreement partner:Germany' [--json] [--locale uk] [--out file.png]
 *   npm run -s preview -- --autocomplete '/agreement partner:ger' [--json]
 *   npm run -s preview -- due --at … (see due.ts)
 * Exit 0 for any reply of the bot (ephemeral ones too); 2 for a line the bot would never get,
 * and for anything else that goes wrong: always one line on stderr, never a stack trace.
 */
const USAGE = `Usage: npm run -s preview -- '/command name:value …' [--json] [--locale uk] [--seed N] [--out file.png] [--store file.json]
       npm run -s preview -- --autocomplete '/command name:partial' [--json] [--locale uk]
       npm run -s preview -- due --at 2025-02-16T07:00:00Z --timezone Europe/Kyiv --hour 9 [options]

Commands: ${commands.map((c) => `/${c.data.name}`).join(' ')}

  --json            the interaction response data as JSON, exactly as the bot sends it
  --locale L        the user's Discord language (uk for Ukrainian; default en-US)
  --seed N          pick the same "random" quote or prompt every time
  --out FILE        write the attached picture (/timeline, /map) to FILE
  --store FILE      keep /schedule settings in FILE between runs (default: each run starts empty)
  --autocomplete    the choices Discord would offer for the last option typed

${DUE_HELP}`;

const PREVIEW_GUILD = '100000000000000001';
const PREVIEW_CHANNEL = '100000000000000002';
const PREVIEW_USER = '100000000000000003';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  // The same settings as the bot (REPORT_URL shows in /about), so a reply looks as it will.
  loadDotEnv();
  if (argv[0] === 'due') {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${DUE_HELP}\n`);
      return;
    }
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
        store: { type: 'string' },
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
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) fail('--seed takes a whole number');
  // Before any work, so a picture is not drawn only to be lost.
  if (values.out !== undefined) checkWritableFolder('--out', values.out);
  if (values.store !== undefined) checkWritableFolder('--store', values.store);

  const result = parseCommandLine(positionals[0], commands);
  if (!result.ok) fail(result.error);
  const { line } = result;

  const data = loadOrFail();
  const store = await openPreviewStore(values.store);
  const ctx: CommandContext = {
    data,
    now: () => new Date(),
    random: seed === undefined ? Math.random : seededRandom(seed),
    reportUrl: process.env['REPORT_URL'] ?? null,
    schedule: previewScheduleContext(data, store, line.mentions),
    // Community (issue 13): reports are kept in the preview's store and delivered nowhere; the
    // preview's own user is the operator, so /reports shows what /report kept (with --store).
    community: {
      store,
      deliverReport: () => Promise.resolve(false),
      ownerId: PREVIEW_USER,
      newReportId: () => `R${randomBytes(5).toString('hex').toUpperCase()}`,
    },
  };
  const input: CommandInput = {
    options: line.options,
    subcommand: line.subcommand,
    locale: values.locale,
    guildLocale: null,
    // Snowflakes, as Discord sends: the store keeps guilds by id and checks the shape on read.
    guildId: PREVIEW_GUILD,
    channelId: PREVIEW_CHANNEL,
    userId: PREVIEW_USER,
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
  await store.close();
  if (values.out) {
    const file = body.files?.[0];
    if (!file) fail(`/${line.command.data.name} attaches no picture to write to ${values.out}`);
    writeFileSync(values.out, file.data);
  }
  if (line.command.data.name === 'schedule' && values.store === undefined) {
    process.stderr.write(
      'Note: each preview run starts with no schedule; add --store FILE to keep settings between runs.\n',
    );
  }
  process.stdout.write(
    values.json
      ? `${JSON.stringify(replyToJson(body))}\n`
      : `${showMentionNames(replyToText(body, values.locale), line.mentions)}\n`,
  );
}

const MENTION = new RegExp(`<(#|@&|@)(${SNOWFLAKE_DIGITS})>`, 'g');

/** In text, a channel or role given by name shows by that name (`#agreements`), not its made-up id. */
function showMentionNames(text: string, mentions: ReadonlyMap<string, string>): string {
  return text.replace(MENTION, (mention, sigil: string, id: string) => {
    const name = mentions.get(id);
    return name === undefined ? mention : `${sigil === '#' ? '#' : '@'}${name}`;
  });
}

/** A file's folder must exist: one line naming it, instead of ENOENT after the work is done. */
function checkWritableFolder(flag: string, path: string): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) fail(`${flag} ${path}: the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) fail(`${flag} ${path}: ${folder} is not a folder`);
}

/**
 * The store the preview's /schedule and /discuss use: the file given with --store, kept between
 * runs, or else a throw-away one in a temp folder, so each run starts from a server with no
 * schedule. The one place the preview opens a store.
 */
async function openPreviewStore(path: string | undefined): Promise<JsonStore> {
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const file = path ?? join(mkdtempSync(join(tmpdir(), 'bot-preview-')), 'store.json');
  return openJsonStore(resolve(file), quiet);
}

/** A channel where the bot has every permission, named as the line named it (`#agreements`). */
function previewScheduleContext(
  data: Dataset,
  store: JsonStore,
  mentions: ReadonlyMap<string, string>,
): ScheduleContext {
  return {
    store,
    prompts: loadPrompts(data),
    channels: {
      inspect: (_guildId, channelId) =>
        Promise.resolve({ kind: 'ok', name: mentions.get(channelId) ?? 'preview', missing: [] }),
    },
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

try {
  await main(process.argv.slice(2));
} catch (error) {
  fail(describeFailure(error));
}
