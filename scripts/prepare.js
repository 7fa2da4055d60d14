// `npm install` (and `npm ci`) run this: it builds dist/ when TypeScript is installed, so a fresh
// clone needs only `npm install` and `npm start`. A production install (`npm ci --omit=dev`) has
// no TypeScript and builds nothing: it runs the dist/ that was built before it.
import process from 'node:process';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  process.stderr.write(
    'Not building: TypeScript is not installed (a production install). `npm start` runs dist/ as built before, with `npm run build`.\n',
  );
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
