// A self-signed serving certificate for 127.0.0.1 / localhost, trusted by clients through the
// kubeconfig's certificate-authority-data.

import { generate } from 'selfsigned';

export interface ServingCertificate {
  cert: string;
  key: string;
}

export async function makeServingCertificate(): Promise<ServingCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'kubectl-workload-test-apiserver' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
