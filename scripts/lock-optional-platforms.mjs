// The npm registry reachable here does not serve some platform builds (darwin/win32 binaries of
// @swc/core, nx, unrs-resolver). `npm install` then leaves them out of package-lock.json and
// `npm ci` refuses the lock as out of sync. This records each missing optional dependency as an
// optional entry, so `npm ci` accepts the lock and skips what it cannot fetch, as npm does for any
// optional dependency. Run after every `npm install` that changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    lock.packages[hoisted] = { version, dev: entry.dev ?? undefined, optional: true };
    added++;
  }
}
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-optional-platforms: recorded ${added} optional platform package(s)`);
