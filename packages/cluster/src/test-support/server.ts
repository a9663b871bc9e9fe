// Starts the test API server with the sample cluster and writes a kubeconfig for it.

import { TestApiServer, sampleClusterObjects, writeKubeconfig, type ApiServerOptions } from '@kubectl-workload/test';

export interface ServerFixture {
  server: TestApiServer;
  kubeconfig: string;
}

export async function startSampleServer(options: ApiServerOptions & { namespace?: string } = {}): Promise<ServerFixture> {
  const server = await TestApiServer.start({ objects: sampleClusterObjects(), ...options });
  const kubeconfig = await writeKubeconfig({
    server: server.url,
    caData: server.caData,
    token: server.token,
    namespace: options.namespace,
  });
  return { server, kubeconfig };
}
