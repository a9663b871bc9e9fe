// The placement picture: one self-contained HTML page (inline CSS and script, no network) drawn from
// the page model (./model.ts) of the JSON document `-o json` prints: explain's `Explanation` or
// simulate's `SimulationReport`. The page only lays out what the model says.
//
// Scale: node cells are plain DOM, one small cell per node grouped in a block per domain (15,000
// cells lay out in well under a second); only the domain blocks are tab stops and arrow keys move
// between a block's cells, so the keyboard never walks 15,000 stops.

import { pictureModel, type PictureModel, type PictureSource } from './model.js';
import { PAGE_SCRIPT } from './script.js';
import { PAGE_STYLE } from './style.js';

/** `</script>` inside a string would end the inline script: escape `<` in the embedded JSON. */
function embedJson(document: object): string {
  return JSON.stringify(document).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** The document exactly as `-o json` prints it: the round trip drops what JSON cannot carry. */
export function asJson(document: object): unknown {
  return JSON.parse(JSON.stringify(document));
}

/** The page for a JSON document as `-o json` prints it (parsed back, so only what JSON carries). */
export function renderPicture(document: PictureSource): string {
  return renderModel(pictureModel(document));
}

export function renderModel(model: PictureModel): string {
  const title = model.title;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>kubectl workload ${model.command}: ${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main id="page" aria-busy="true"><h1>${escapeHtml(title)}</h1><p>Rendering…</p></main>
<script type="application/json" id="picture">${embedJson(model)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
