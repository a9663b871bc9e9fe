#!/usr/bin/env node
// Checks the Node version before loading the bundle: on an older Node the bundle would fail with a
// syntax or module error deep inside, so say plainly what is needed instead (exit 2: usage error).
const NEEDED = 24;
if (Number(process.versions.node.split('.')[0]) < NEEDED) {
  process.stderr.write(`kubectl-workload needs Node.js ${NEEDED} or newer; this is Node.js ${process.version} (${process.execPath})\n`);
  process.exit(2);
}
await import('../dist/bundle/kubectl-workload.js');
