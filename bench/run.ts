/**
 * `npm run bench`: runs every benchmark present, one after another (never in parallel: they
 * measure time and memory), each in its own process so none inherits another's heap.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** In the order they run; a bench whose file is absent is skipped. */
const BENCHES = [
  'e2e.ts',
  'due.ts',
  'pictures.ts',
  'search.ts',
  'soak.ts',
  'soak-status.ts',
  'store-pg.ts',
  // gateway (issue 11): RSS of one shard process at 2,500 servers against a bare discord.js client
  'rss.ts',
  // Partitions (issue 11): per-process tick cost over 4 processes, the 09:00 burst over 2.
  'partitions.ts',
];

const failed: string[] = [];
for (const file of BENCHES) {
  const path = join(ROOT, 'bench', file);
  if (!existsSync(path)) continue;
  console.log(`\n=== bench/${file} ===`);
  // --expose-gc: the search bench collects garbage before and after the build it measures.
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed.push(`bench/${file} (${result.status ?? result.signal})`);
}
if (failed.length > 0) {
  console.error(`Failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
