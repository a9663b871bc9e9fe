#!/usr/bin/env node
// `make dist`: what ships outside the repo, into dist/ (or --out DIR):
//   node scripts/release/build.mjs [npm] [--out DIR]
// Needs `npm run build` first (it bundles plugin/dist). Prints each file it wrote.
import { parseArgs } from 'node:util';
import { buildNpmPackage } from './npm-package.mjs';

const { values, positionals } = parseArgs({ options: { out: { type: 'string', default: 'dist' } }, allowPositionals: true });
const ALL = ['npm'];
const wanted = positionals.length ? positionals : ALL;
const unknown = wanted.filter((target) => !ALL.includes(target));
if (unknown.length) {
  process.stderr.write(`dist: unknown target(s) ${unknown.join(', ')} (known: ${ALL.join(', ')})\n`);
  process.exit(2);
}
if (wanted.includes('npm')) console.log(await buildNpmPackage(`${values.out}/npm`));
