// The webhook as a child process (the built bin, or the image's entrypoint under chroot): its JSON
// log lines as they arrive, the port once it serves, and a wait for any log line.

import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams, SpawnOptionsWithoutStdio } from 'node:child_process';

export type LogEntry = Record<string, unknown>;

export interface WebhookProcess {
  child: ChildProcessWithoutNullStreams;
  /** Raw stdout lines, in order. */
  logs: string[];
  /** The port from the "serving HTTPS" line; rejects if the process exits first. */
  serving: Promise<number>;
  /** Resolves with the first non-undefined answer of `find` over the entries so far, re-asked per line. */
  waitFor<T>(find: (entries: readonly LogEntry[]) => T | undefined): Promise<T>;
  /** SIGTERM, then the exit code once stdout has ended. */
  stop(): Promise<number | null>;
}

export function startWebhookProcess(command: string, args: readonly string[], options: SpawnOptionsWithoutStdio = {}): WebhookProcess {
  const child = spawn(command, args, options);
  const logs: string[] = [];
  const entries: LogEntry[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      logs.push(line);
      entries.push(JSON.parse(line) as LogEntry);
    }
    for (const waiter of waiters) waiter();
  });
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  const waitFor = <T>(find: (all: readonly LogEntry[]) => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find(entries);
        if (found === undefined) return;
        waiters.delete(check);
        resolve(found);
      };
      waiters.add(check);
      child.once('error', reject);
      void closed.then((code) => reject(new Error(`${command} exited with ${code}: ${stderr || logs.join('\n')}`)));
      check();
    });
  const serving = waitFor((all) => all.find((e) => e.msg === 'workload-webhook serving HTTPS')?.port as number | undefined);
  // A test that never awaits `serving` must not fail on its rejection when the process exits.
  serving.catch(() => undefined);
  return {
    child,
    logs,
    serving,
    waitFor,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return closed;
    },
  };
}
