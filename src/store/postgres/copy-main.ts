/**
 * `npm run store:copy -- --from .data/store.json --to "$DATABASE_URL"`: the JSON file's settings,
 * ledger and community collections into PostgreSQL (see copy.ts). Prints what it copied; exit 1 on a failure.
 */
import { parseArgs } from 'node:util';
import { copyStoreFile, type CopyReport } from './copy.js';
import type { PostgresLog } from './pool.js';

const COMMUNITY_LINES: readonly (readonly [string, keyof Omit<CopyReport, 'notCopied'>])[] = [
  ['suggestions:   ', 'suggestions'],
  ['reports:       ', 'reports'],
  ['follows:       ', 'follows'],
  ['follow notices:', 'followNotices'],
  ['follow DMs:    ', 'deliveries'],
  ['polls:         ', 'polls'],
];

const write = (line: string) => process.stderr.write(`${line}\n`);
const log: PostgresLog = {
  info: (obj, msg) => write(`${msg} ${JSON.stringify(obj)}`),
  warn: (obj, msg) => write(`warning: ${msg} ${JSON.stringify(obj)}`),
  error: (obj, msg) => write(`error: ${msg} ${JSON.stringify(obj)}`),
};

const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' } },
  strict: true,
});
const from = values.from;
const to = values.to ?? process.env.DATABASE_URL;
if (!from || !to || !/^postgres(ql)?:\/\//.test(to)) {
  write('usage: npm run store:copy -- --from .data/store.json --to postgres://user@host/db');
  write('(--to defaults to DATABASE_URL; stop the bot first, so the file is not changing)');
  process.exit(2);
}

try {
  const report = await copyStoreFile(from, to, log);
  process.stdout.write(
    [
      `settings: ${report.settings.copied} copied, ${report.settings.alreadyThere} already in PostgreSQL (kept as they are)`,
      `ledger:   ${report.ledger.copied} copied, ${report.ledger.alreadyThere} already in PostgreSQL (kept as they are)`,
      // Community (issue 13): one line per collection, in the same words.
      ...COMMUNITY_LINES.map(
        ([label, key]) =>
          `${label} ${report[key].copied} copied, ${report[key].alreadyThere} already in PostgreSQL (kept as they are)`,
      ),
      ...(report.notCopied > 0
        ? [
            `not copied: ${report.notCopied} entries that break the schema (see the JSON backend's set-aside files)`,
          ]
        : []),
      '',
    ].join('\n'),
  );
} catch (error) {
  // The URL may hold a password: name the error, never echo the URL.
  write(`store:copy failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
