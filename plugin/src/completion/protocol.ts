// Cobra's `__complete` protocol, which kubectl (≥ 1.26) speaks with `kubectl_complete-<plugin>`:
// one candidate a line (`value` or `value<TAB>description`), then `:<directive>` (ecosystem.md §A5).

/** ShellCompDirective bits. */
export const Directive = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
} as const;

export interface Candidate {
  readonly value: string;
  readonly description?: string;
}

export interface CompletionResult {
  readonly candidates: readonly Candidate[];
  readonly directive: number;
}

/** Tabs and newlines would break the line protocol; descriptions keep their first line only. */
function oneLine(text: string): string {
  return text.split('\n')[0]?.replace(/\t/g, ' ') ?? '';
}

export function formatCompletions(result: CompletionResult): string {
  const lines = result.candidates.map((c) => (c.description ? `${c.value}\t${oneLine(c.description)}` : c.value));
  return [...lines, `:${result.directive}`].join('\n') + '\n';
}
