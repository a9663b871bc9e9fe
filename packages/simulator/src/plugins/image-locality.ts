// ImageLocality: favours nodes that already hold the pod's images, each image's size scaled by the
// share of nodes that have it, the sum clamped to [23 MiB, 1000 MiB × containers] and mapped to 0..100.
// Image names match as written (upstream's known registry/tag mismatches included).

import type { SchedulerCache } from '../cluster.js';

export const NAME = 'ImageLocality';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** An image without a tag gets `:latest` (a digest counts as a tag). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** Score per node index; undefined when no node holds any of the images (every node would score 0). */
export function scores(cluster: SchedulerCache, images: readonly string[]): Int32Array | undefined {
  const names = images.map(normalizedImageName);
  if (!names.some((n) => cluster.imageNodeCount.has(n))) return undefined;
  const total = cluster.nodeCount;
  const maxThreshold = MAX_CONTAINER_THRESHOLD * images.length;
  const out = new Int32Array(total);
  for (const node of cluster.nodes) {
    let sum = 0;
    for (const name of names) {
      const size = node.images.get(name);
      if (size !== undefined) sum += Math.trunc(size * ((cluster.imageNodeCount.get(name) ?? 0) / total));
    }
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
    out[node.index] = Math.trunc((100 * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
  }
  return out;
}
