// The column layout of `kubectl get`: Go's text/tabwriter as cli-runtime configures it
// (minimum cell width 6, padding 3, spaces); the last column is never padded.

const MIN_WIDTH = 6;
const PADDING = 3;

export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function renderTable(table: Table, options: { noHeaders?: boolean } = {}): string {
  const lines = options.noHeaders ? table.rows : [table.headers, ...table.rows];
  if (lines.length === 0) return '';
  const columns = Math.max(...lines.map((line) => line.length));
  const widths = Array.from({ length: columns - 1 }, (_, col) =>
    Math.max(MIN_WIDTH, ...lines.map((line) => (line[col] ?? '').length + PADDING)),
  );
  return lines
    .map((line) =>
      line.map((cell, col) => (col < line.length - 1 ? cell.padEnd(widths[col] ?? 0) : cell)).join(''),
    )
    .join('\n') + '\n';
}
