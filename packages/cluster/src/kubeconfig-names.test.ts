// kubeconfigNames: the context, cluster and user names `--context`, `--cluster` and `--user`
// complete from, read from the kubeconfig in effect and merged across KUBECONFIG as kubectl does.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { kubeconfigNames } from './kubeconfig.js';
import { OptionError } from './options.js';

let dir: string;
let team: string;
let personal: string;

const config = (name: string, server: string) => ({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name, cluster: { server } }],
  users: [{ name: `${name}-user`, user: { token: 't' } }],
  contexts: [
    { name: `${name}-ctx`, context: { cluster: name, user: `${name}-user` } },
    { name: 'shared', context: { cluster: name, user: `${name}-user` } },
  ],
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cluster-kubeconfig-names-'));
  team = join(dir, 'team');
  personal = join(dir, 'personal');
  await writeFile(team, stringify(config('zeta', 'https://zeta:6443')));
  await writeFile(personal, stringify(config('alpha', 'https://alpha:6443')));
});

describe('kubeconfigNames', () => {
  it('lists the names of --kubeconfig, sorted, ignoring KUBECONFIG', async () => {
    expect(await kubeconfigNames({ kubeconfig: team }, { KUBECONFIG: personal })).toEqual({
      contexts: ['shared', 'zeta-ctx'],
      clusters: ['zeta'],
      users: ['zeta-user'],
    });
  });

  it('merges every KUBECONFIG file, a name defined twice listed once', async () => {
    const names = await kubeconfigNames({}, { KUBECONFIG: [team, join(dir, 'absent'), personal].join(delimiter) });
    expect(names).toEqual({
      contexts: ['alpha-ctx', 'shared', 'zeta-ctx'],
      clusters: ['alpha', 'zeta'],
      users: ['alpha-user', 'zeta-user'],
    });
  });

  it('falls back to ~/.kube/config, and has no names without any kubeconfig', async () => {
    expect(await kubeconfigNames({}, { HOME: dir })).toEqual({ contexts: [], clusters: [], users: [] });
  });

  it('names a --kubeconfig that does not exist', async () => {
    await expect(kubeconfigNames({ kubeconfig: join(dir, 'nope') }, {})).rejects.toThrow(
      new OptionError(`kubeconfig file "${join(dir, 'nope')}" (--kubeconfig) does not exist`),
    );
  });
});
