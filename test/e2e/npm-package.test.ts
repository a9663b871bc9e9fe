// The npm package as a user gets it: `npm pack` output installed with `npm install -g --prefix DIR`
// on Node 24, then driven through real kubectl; and on the machine's older Node, one clear line.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { run } from '@kubectl-workload/test';
import { describeKubectlChecks, isolatedPath, KUBECTL, MACHINE_KUBECTL, ROOT } from './installed-plugin-checks.js';

const NODE24_DIR = dirname(process.execPath);
const OLD_NODE = '/usr/bin/node';
let prefix: string;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'kw-npm-'));
  const packed = await run(process.execPath, [join(ROOT, 'scripts/release/build.mjs'), 'npm', '--out', out], {}, 120_000);
  expect(packed.stderr).toBe('');
  const tarball = packed.stdout.trim();
  prefix = join(out, 'prefix');
  // The package has no dependencies: installing it must not need the registry.
  const installed = await run(
    'npm',
    ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
    { PATH: [NODE24_DIR, process.env.PATH].join(delimiter) },
    120_000,
  );
  expect(installed.code).toBe(0);
}, 240_000);

describe('npm install -g --prefix DIR kubectl-workload-VERSION.tgz', () => {
  it('links both bins into DIR/bin from the package', () => {
    expect(readlinkSync(join(prefix, 'bin/kubectl-workload'))).toBe('../lib/node_modules/kubectl-workload/bin/kubectl-workload.js');
    expect(readlinkSync(join(prefix, 'bin/kubectl_complete-workload'))).toBe(
      '../lib/node_modules/kubectl-workload/bin/kubectl_complete-workload',
    );
    // Self-contained: no node_modules of its own.
    expect(existsSync(join(prefix, 'lib/node_modules/kubectl-workload/node_modules'))).toBe(false);
  });
});

it("the e2e tests' kubectl is the pinned one, 1.35 or newer", async () => {
  const version = JSON.parse((await run(KUBECTL, ['version', '--client', '-o', 'json'])).stdout) as {
    clientVersion: { major: string; minor: string };
  };
  expect(Number(version.clientVersion.major)).toBe(1);
  expect(Number(version.clientVersion.minor)).toBeGreaterThanOrEqual(35);
});

const installed = () => ({ binDir: join(prefix, 'bin'), path: isolatedPath(join(prefix, 'bin'), NODE24_DIR) });
describeKubectlChecks('the npm install through the pinned kubectl (Node 24)', installed);
// One run on whatever kubectl the machine has, as a user would (none on PATH: nothing to check).
if (MACHINE_KUBECTL)
  describeKubectlChecks(`the npm install through the machine's kubectl (${MACHINE_KUBECTL})`, installed, MACHINE_KUBECTL);

describe.each(
  [OLD_NODE].filter((node) => existsSync(node) && !spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.startsWith('v24')),
)('on an older Node (%s)', (oldNode) => {
  it('kubectl workload --version prints one line naming the Node it needs and exits 2', async () => {
    const version = spawnSync(oldNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const result = await run('kubectl', ['workload', '--version'], { PATH: isolatedPath(join(prefix, 'bin'), dirname(oldNode)) });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `kubectl-workload needs Node.js 24 or newer; this is Node.js ${version} (${oldNode})\n`,
    });
  });
});
