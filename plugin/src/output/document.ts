// The one `-o json|yaml` printer every command uses for its machine-readable document.
// YAML is plain, as kubectl prints it: an object that appears twice is written twice, never as an
// anchor and alias (`&a1` / `*a1`), which readers of kubectl output do not expect.

import { stringify } from 'yaml';

export const DOCUMENT_FORMATS = ['json', 'yaml'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export function isDocumentFormat(format: string | undefined): format is DocumentFormat {
  return (DOCUMENT_FORMATS as readonly (string | undefined)[]).includes(format);
}

export function renderDocument(document: unknown, format: DocumentFormat): string {
  return format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { aliasDuplicateObjects: false });
}
