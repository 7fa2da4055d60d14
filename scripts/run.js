// Runs one of the bot's entry points, given as its source path (`src/preview/main.ts`):
// - in a development checkout (tsx installed), the TypeScript source itself, so what runs is
//   what you just edited;
// - in a production install (`npm ci --omit=dev`: no tsx, no TypeScript), the built JavaScript
//   under dist/, which `npm run build` (or `npm install`, through `prepare`) wrote.
// `--built` always runs dist/ (what `npm start` does: a production start compiles nothing).
// Plain JavaScript on purpose: it must run where no TypeScript tool is installed.
import process from 'node:process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Stops with one line on stderr: an operator's mistake is no stack trace. */
function stop(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The entry's compiled twin: src/x/y.ts → dist/src/x/y.js (tsconfig.build.json's layout). */
function builtPathOf(source) {
  return join(root, 'dist', source.replace(/\.ts$/, '.js'));
}

/** The newest modification time of any file under a folder, in ms; 0 for a missing folder. */
function newestChange(folder) {
  if (!existsSync(folder)) return 0;
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

const argv = process.argv.slice(2);
const forceBuilt = argv[0] === '--built';
const [source, ...args] = forceBuilt ? argv.slice(1) : argv;
if (!source) stop('Usage: node scripts/run.js [--built] src/<entry>.ts [arguments…]');

const tsx = forceBuilt ? null : await loadTsx();
let file;
if (tsx) {
  tsx.register();
  file = join(root, source);
} else {
  file = builtPathOf(source);
  if (!existsSync(file)) {
    stop(
      `Not built: ${relative(process.cwd(), file)} is missing. Run \`npm run build\` where the dev dependencies are installed (\`npm install\` builds too), then start again.`,
    );
  }
  // Built from older source than the checkout holds: say so, since it runs the old code.
  if (newestChange(join(root, 'src')) > statSync(file).mtimeMs) {
    process.stderr.write(
      'Note: src/ changed after the last build; this runs the old build. `npm run build` to update it, or `npm run dev` while developing.\n',
    );
  }
}
// The entry reads its own arguments from process.argv, as if it had been started directly.
process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(file).href);
