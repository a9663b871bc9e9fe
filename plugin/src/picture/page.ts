// The placement picture: one self-contained HTML page (inline CSS and script, no network) drawn from
// explain's JSON `Explanation` document, the same one `-o json` prints. The page only lays out what
// the document says; every figure on it is a field of the document.
//
// Scale: node cells are plain DOM, one small cell per node grouped in a block per domain (15,000
// cells lay out in well under a second); only the domain blocks are tab stops and arrow keys move
// between a block's cells, so the keyboard never walks 15,000 stops.

import { PAGE_SCRIPT } from './script.js';
import { PAGE_STYLE } from './style.js';

/** The JSON document the page draws; the script reads it from the page itself. */
export interface PictureDocument {
  readonly kind: string;
  readonly target: { readonly kind: string; readonly namespace: string; readonly name: string };
}

/** `</script>` inside a string would end the inline script: escape `<` in the embedded JSON. */
function embedJson(document: object): string {
  return JSON.stringify(document).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

export function renderPicture(document: PictureDocument): string {
  const title = `${document.target.kind} ${document.target.namespace}/${document.target.name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>kubectl workload explain: ${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main id="page" aria-busy="true"><h1>${escapeHtml(title)}</h1><p>Rendering…</p></main>
<script type="application/json" id="explanation">${embedJson(document)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
