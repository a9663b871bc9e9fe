// Serving certificates: files (--tls-cert-file/--tls-private-key-file) re-read when they change, so
// a cert-manager rotation needs no restart, or a self-signed pair made in memory for local use.

import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { SecureVersion } from 'node:tls';
import type { Server } from 'node:https';
import type { Logger } from 'pino';
import { generate } from 'selfsigned';

export const MIN_TLS_VERSION: SecureVersion = 'TLSv1.2';

export interface KeyPair {
  cert: string;
  key: string;
}

export class TlsConfigError extends Error {}

/** Reads a pair and checks that the key matches the certificate (createSecureContext fails otherwise). */
export function readKeyPair(certFile: string, keyFile: string): KeyPair {
  let pair: KeyPair;
  try {
    pair = { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  } catch (err) {
    throw new TlsConfigError(`cannot read TLS files: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    createSecureContext({ ...pair, minVersion: MIN_TLS_VERSION });
  } catch (err) {
    throw new TlsConfigError(
      `${certFile}, ${keyFile}: not a usable certificate and key: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return pair;
}

/** A certificate for localhost, 127.0.0.1 and ::1, valid for a year, signed with SHA-256. */
export async function selfSignedKeyPair(): Promise<KeyPair> {
  const pems = await generate([{ name: 'commonName', value: 'workload-webhook' }], {
    algorithm: 'sha256',
    keySize: 2048,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * Polls both files (stat-based, so the symlink swap of a mounted Secret is seen) and installs the
 * new pair with setSecureContext. A half-written rotation (key and cert not matching yet) keeps the
 * old pair and is retried on the next change. Returns a function that stops watching.
 */
export function reloadOnChange(server: Server, certFile: string, keyFile: string, logger: Logger, intervalMs: number): () => void {
  const reload = (): void => {
    try {
      server.setSecureContext({ ...readKeyPair(certFile, keyFile), minVersion: MIN_TLS_VERSION });
      logger.info({ certFile, keyFile }, 'serving certificate reloaded');
    } catch (err) {
      logger.warn(
        { certFile, keyFile, err: err instanceof Error ? err.message : String(err) },
        'serving certificate not reloaded, keeping the previous one',
      );
    }
  };
  const options = { interval: intervalMs, persistent: false };
  watchFile(certFile, options, reload);
  watchFile(keyFile, options, reload);
  return () => {
    unwatchFile(certFile, reload);
    unwatchFile(keyFile, reload);
  };
}
