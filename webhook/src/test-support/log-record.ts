// The webhook's JSON log lines as events a test can wait for: from a child process's stdout or an
// in-process pino logger. Waiting on a line replaces polling with sleeps.

import { pino, type Logger } from 'pino';

export type LogEntry = Record<string, unknown>;

/** A line that is not JSON (a crash, a stray print) is kept as its text, not thrown inside a stream handler. */
function parseLogLine(line: string): LogEntry {
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as LogEntry;
  } catch {
    // kept as text below
  }
  return { msg: line, notJson: true };
}

export class LogRecord {
  /** Raw lines, in order. */
  readonly lines: string[] = [];
  readonly entries: LogEntry[] = [];
  private readonly waiters = new Set<() => void>();
  private partial = '';
  private ended: Error | undefined;

  /** Takes a chunk of output; a line is complete at its newline. */
  write(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      this.lines.push(line);
      this.entries.push(parseLogLine(line));
    }
    for (const waiter of this.waiters) waiter();
  }

  /** No more lines will come: pending waits reject with `why`. */
  end(why: Error): void {
    this.ended = why;
    for (const waiter of this.waiters) waiter();
  }

  /** Resolves with the first non-undefined answer of `find` over the entries so far, re-asked per line. */
  waitFor<T>(find: (entries: readonly LogEntry[]) => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find(this.entries);
        if (found === undefined && !this.ended) return;
        this.waiters.delete(check);
        if (found !== undefined) resolve(found);
        else reject(this.ended ?? new Error('the log ended'));
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The first entry whose msg matches. */
  waitForMessage(msg: RegExp): Promise<LogEntry> {
    return this.waitFor((entries) => entries.find((e) => typeof e.msg === 'string' && msg.test(e.msg)));
  }
}

/** An in-process logger at debug level whose lines land in a LogRecord. */
export function recordingLogger(): { logger: Logger; record: LogRecord } {
  const record = new LogRecord();
  const logger = pino({ level: 'debug' }, { write: (line: string) => record.write(line) });
  return { logger, record };
}
