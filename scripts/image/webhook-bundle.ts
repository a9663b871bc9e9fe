// Layer 3: the webhook as one ES module with every dependency inside (the image has no node_modules),
// and the list of npm packages that went into it, for the SBOM. Built from webhook/dist (npm run build).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TarEntry } from './tar.ts';

export const APP_PATH = '/app/workload-webhook.mjs';

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  path: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
}

/** node_modules/a/node_modules/@b/c/lib/x.js → node_modules/a/node_modules/@b/c */
function packageDir(input: string): string | undefined {
  return /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
}

function bundledPackages(root: string, inputs: readonly string[]): BundledPackage[] {
  const dirs = new Set(inputs.map(packageDir).filter((dir): dir is string => dir !== undefined));
  return [...dirs].sort().map((dir) => {
    const json = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as PackageJson;
    const license = typeof json.license === 'string' ? json.license : (json.license?.type ?? 'NOASSERTION');
    return { name: json.name ?? dir, version: json.version ?? '', license, path: dir };
  });
}

export async function webhookBundle(root: string): Promise<{ entries: TarEntry[]; packages: BundledPackage[] }> {
  const entry = join(root, 'webhook/dist/main.js');
  if (!existsSync(entry)) throw new Error('webhook/dist/main.js is missing: run `npm run build` first (make image does)');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    write: false,
    outfile: 'workload-webhook.mjs',
    metafile: true,
    logLevel: 'warning',
    // Whitespace and syntax only: identifiers stay, so a stack trace from the image still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    // Some CommonJS dependencies call require() on Node built-ins; give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no bundle');
  const owner = { uid: 0, gid: 0 };
  return {
    entries: [
      { type: 'dir', path: 'app', mode: 0o755, ...owner },
      { type: 'file', path: APP_PATH.slice(1), mode: 0o644, ...owner, data: Buffer.from(output.contents) },
    ],
    packages: bundledPackages(root, Object.keys(result.metafile.inputs)),
  };
}
