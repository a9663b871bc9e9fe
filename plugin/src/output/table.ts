// The one table printer: the column layout of `kubectl get`, Go's text/tabwriter as cli-runtime
// configures it (minimum cell width 6, padding 3, spaces); the last column is never padded.
// simulate's compact tables use the same printer with padding 2 and no minimum width.

const KUBECTL_MIN_WIDTH = 6;
const KUBECTL_PADDING = 3;

export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface TableOptions {
  readonly noHeaders?: boolean;
  /** Spaces after the widest cell of a column (kubectl: 3). */
  readonly padding?: number;
  /** Narrowest column, padding included (kubectl: 6). */
  readonly minWidth?: number;
}

/** The table's lines, without line ends. */
export function tableLines(table: Table, options: TableOptions = {}): string[] {
  const { padding = KUBECTL_PADDING, minWidth = KUBECTL_MIN_WIDTH } = options;
  const lines = options.noHeaders ? table.rows : [table.headers, ...table.rows];
  if (lines.length === 0) return [];
  const columns = Math.max(...lines.map((line) => line.length));
  const widths = Array.from({ length: columns - 1 }, (_, col) =>
    Math.max(minWidth, ...lines.map((line) => (line[col] ?? '').length + padding)),
  );
  return lines.map((line) => line.map((cell, col) => (col < line.length - 1 ? cell.padEnd(widths[col] ?? 0) : cell)).join(''));
}

/** The table as text, one line per row, each ending in a newline; nothing for no lines. */
export function renderTable(table: Table, options: TableOptions = {}): string {
  return tableLines(table, options)
    .map((line) => `${line}\n`)
    .join('');
}
