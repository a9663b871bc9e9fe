// Generated regions inside hand-written Markdown: the text between
//   <!-- BEGIN GENERATED: NAME -->  and  <!-- END GENERATED: NAME -->
// belongs to the generator, the rest of the file to its authors.

const BEGIN = /<!-- BEGIN GENERATED: (\S+) -->\n/g;

const endMarker = (name: string): string => `<!-- END GENERATED: ${name} -->`;

/** Names of the generated regions of `text`, in order. */
export function regionNames(text: string): string[] {
  return [...text.matchAll(BEGIN)].map((m) => m[1] ?? '');
}

/**
 * `text` with the body of every region replaced by `render(name)`. Throws, naming `file`, on a region
 * without its end marker or with no renderer (`render` returns undefined).
 */
export function fillRegions(file: string, text: string, render: (name: string) => string | undefined): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(BEGIN)) {
    const name = m[1] ?? '';
    const bodyStart = (m.index ?? 0) + m[0].length;
    const end = text.indexOf(endMarker(name), bodyStart);
    if (end < 0) throw new Error(`${file}: generated region ${name} has no "${endMarker(name)}" line`);
    const body = render(name);
    if (body === undefined) throw new Error(`${file}: no generator for region ${name}`);
    out += text.slice(at, bodyStart) + body + (body.endsWith('\n') || body === '' ? '' : '\n');
    at = end;
  }
  return out + text.slice(at);
}
