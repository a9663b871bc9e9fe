import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { resolveConfig, serverUrl } from './kubeconfig.js';
import { OptionError, parseRequestTimeout } from './options.js';

let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cluster-kubeconfig-test-'));
  kubeconfig = join(dir, 'config');
  await writeFile(
    kubeconfig,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'prod', cluster: { server: 'https://prod.example:6443', 'insecure-skip-tls-verify': true } },
        { name: 'staging', cluster: { server: 'https://staging.example:6443' } },
      ],
      users: [
        { name: 'alice', user: { token: 'alice-token' } },
        { name: 'bob', user: { token: 'bob-token' } },
      ],
      contexts: [
        { name: 'prod-alice', context: { cluster: 'prod', user: 'alice', namespace: 'ml' } },
        { name: 'staging-bob', context: { cluster: 'staging', user: 'bob' } },
      ],
      'current-context': 'prod-alice',
    }),
  );
});

const userToken = async (options: Parameters<typeof resolveConfig>[0], env: NodeJS.ProcessEnv = {}): Promise<string | undefined> =>
  (await resolveConfig(options, env)).kubeConfig.getCurrentUser()?.token;

describe('resolveConfig', () => {
  it("uses the current context's cluster, user and namespace", async () => {
    const config = await resolveConfig({ kubeconfig }, {});
    expect(config.server).toBe('https://prod.example:6443');
    expect(config.namespace).toBe('ml');
    expect(config.kubeConfig.getCurrentUser()?.token).toBe('alice-token');
    expect(config.kubeConfig.getCurrentCluster()?.skipTLSVerify).toBe(true);
  });

  it('--context switches; a context without namespace means default', async () => {
    const config = await resolveConfig({ kubeconfig, context: 'staging-bob' }, {});
    expect([config.server, config.namespace, config.kubeConfig.getCurrentUser()?.token]).toEqual([
      'https://staging.example:6443',
      'default',
      'bob-token',
    ]);
  });

  it('--cluster, --user, --server, --token and -n override the context piece by piece', async () => {
    expect((await resolveConfig({ kubeconfig, cluster: 'staging' }, {})).server).toBe('https://staging.example:6443');
    expect(await userToken({ kubeconfig, user: 'bob' })).toBe('bob-token');
    expect((await resolveConfig({ kubeconfig, server: 'https://other:443' }, {})).server).toBe('https://other:443');
    expect(await userToken({ kubeconfig, token: 'flag-token' })).toBe('flag-token');
    expect((await resolveConfig({ kubeconfig, namespace: 'team-x' }, {})).namespace).toBe('team-x');
  });

  it('--client-certificate, --client-key, --tls-server-name and --as set the TLS identity and impersonation', async () => {
    const cert = join(dir, 'client.crt');
    await writeFile(cert, 'not checked here');
    const config = await resolveConfig(
      { kubeconfig, clientCertificate: cert, clientKey: cert, tlsServerName: 'api.internal', as: 'alice' },
      {},
    );
    expect(config.kubeConfig.getCurrentUser()).toMatchObject({
      certFile: cert,
      keyFile: cert,
      impersonateUser: 'alice',
      token: 'alice-token',
    });
    expect(config.kubeConfig.getCurrentCluster()?.tlsServerName).toBe('api.internal');
    await expect(resolveConfig({ kubeconfig, clientKey: join(dir, 'no.key') }, {})).rejects.toThrow(
      `file "${join(dir, 'no.key')}" (--client-key) does not exist`,
    );
  });

  it('reads KUBECONFIG when --kubeconfig is not given, the first file winning', async () => {
    expect((await resolveConfig({}, { KUBECONFIG: kubeconfig })).server).toBe('https://prod.example:6443');
    const overlay = join(dir, 'overlay');
    await writeFile(
      overlay,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'prod', cluster: { server: 'https://prod-override:6443' } }],
        contexts: [],
        users: [],
        'current-context': 'staging-bob',
      }),
    );
    const merged = await resolveConfig({}, { KUBECONFIG: [overlay, kubeconfig].join(':') });
    expect(merged.server).toBe('https://staging.example:6443');
    expect((await resolveConfig({ context: 'prod-alice' }, { KUBECONFIG: [overlay, kubeconfig].join(':') })).server).toBe(
      'https://prod-override:6443',
    );
  });

  it('names the missing file, context, cluster or user', async () => {
    await expect(resolveConfig({ kubeconfig: join(dir, 'nope') }, {})).rejects.toThrow(
      new OptionError(`kubeconfig file "${join(dir, 'nope')}" (--kubeconfig) does not exist`),
    );
    await expect(resolveConfig({ kubeconfig, context: 'prod-alicee' }, {})).rejects.toThrow(
      new OptionError(`context "prod-alicee" not found in ${kubeconfig}`),
    );
    await expect(resolveConfig({ kubeconfig, cluster: 'qa' }, {})).rejects.toThrow(
      new OptionError(`cluster "qa" not found in ${kubeconfig}`),
    );
    await expect(resolveConfig({ kubeconfig, user: 'carol' }, {})).rejects.toThrow(
      new OptionError(`user "carol" not found in ${kubeconfig}`),
    );
  });

  it('names a kubeconfig that is not YAML', async () => {
    const broken = join(dir, 'broken');
    await writeFile(broken, 'clusters: [unclosed\n');
    await expect(resolveConfig({ kubeconfig: broken }, {})).rejects.toThrow(new RegExp(`^error loading config file "${broken}": `));
    // Valid YAML that is no kubeconfig is not an empty one (issue 18 item 9).
    const prose = join(dir, 'prose');
    await writeFile(prose, 'hello world\n');
    await expect(resolveConfig({ kubeconfig: prose }, {})).rejects.toThrow(`error loading config file "${prose}": not a kubeconfig`);
  });

  it('without any kubeconfig or --server, says how to configure one, naming a KUBECONFIG that points nowhere (issue 18 item 9)', async () => {
    await expect(resolveConfig({}, { HOME: dir })).rejects.toThrow(
      'no configuration has been provided: no KUBECONFIG and no ~/.kube/config; pass --kubeconfig or --server, or use --snapshot FILE',
    );
    await expect(resolveConfig({}, { HOME: dir, KUBECONFIG: '/nope' })).rejects.toThrow(
      'no configuration has been provided: KUBECONFIG names no file that exists (/nope);',
    );
  });

  it('reads --server as kubectl does: HOST:PORT, any valid port, plain http (issue 18 item 9)', async () => {
    expect(serverUrl('127.0.0.1:36483', true)).toBe('https://127.0.0.1:36483');
    expect(serverUrl('127.0.0.1:36483', false)).toBe('http://127.0.0.1:36483');
    expect(serverUrl('https://10.0.0.1:6666', false)).toBe('https://10.0.0.1:6666');
    expect(() => serverUrl('ht tp://x', true)).toThrow(
      'invalid server "ht tp://x" (--server or the kubeconfig cluster): use https://HOST:PORT or HOST:PORT',
    );
    const plain = await resolveConfig({ server: 'http://127.0.0.1:8080' }, { HOME: dir });
    expect(plain.kubeConfig.getCurrentCluster()).toMatchObject({ server: 'http://127.0.0.1:8080', skipTLSVerify: true });
    expect((await resolveConfig({ server: '127.0.0.1:8080', insecureSkipTlsVerify: true }, { HOME: dir })).server).toBe(
      'https://127.0.0.1:8080',
    );
  });
});

describe('parseRequestTimeout', () => {
  it('reads kubectl durations', () => {
    expect([
      parseRequestTimeout('0'),
      parseRequestTimeout('30'),
      parseRequestTimeout('1s'),
      parseRequestTimeout('2m'),
      parseRequestTimeout('1m30s'),
    ]).toEqual([0, 30_000, 1000, 120_000, 90_000]);
  });
  it('rejects nonsense with the flag name', () => {
    expect(() => parseRequestTimeout('soon')).toThrow('invalid --request-timeout "soon"');
  });
});
