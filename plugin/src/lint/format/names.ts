// The `-o` formats of `lint`, apart from their renderers so the command's flags load nothing heavy.

export const LINT_FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];
