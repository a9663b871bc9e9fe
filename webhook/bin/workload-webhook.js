#!/usr/bin/env node
// Checked before the bundle loads: its dependencies fail on an older Node with a stack trace.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`workload-webhook: error: Node.js 24 or newer is required, this is ${process.version} (${process.execPath})\n`);
  process.exit(2);
}
await import('../dist/bundle/workload-webhook.js');
