// The webhook as a child process (the built bin, or the image's entrypoint under chroot): its JSON
// log lines as they arrive, the port once it serves, and a wait for any log line.

import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams, SpawnOptionsWithoutStdio } from 'node:child_process';
import { LogRecord, type LogEntry } from './log-record.js';

export type { LogEntry } from './log-record.js';

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
  const record = new LogRecord();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => record.write(chunk.toString('utf8')));
  child.once('error', (err) => record.end(err));
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  void closed.then((code) => record.end(new Error(`${command} exited with ${code}: ${stderr || record.lines.join('\n')}`)));
  const waitFor = <T>(find: (all: readonly LogEntry[]) => T | undefined): Promise<T> => record.waitFor(find);
  const serving = waitFor((all) => all.find((e) => e.msg === 'workload-webhook serving HTTPS')?.port as number | undefined);
  // A test that never awaits `serving` must not fail on its rejection when the process exits.
  serving.catch(() => undefined);
  return {
    child,
    logs: record.lines,
    serving,
    waitFor,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return closed;
    },
  };
}
