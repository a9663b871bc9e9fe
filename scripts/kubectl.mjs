#!/usr/bin/env node
// Runs the repo's pinned kubectl (1.35, for the e2e tests): `node scripts/kubectl.mjs <kubectl args>`;
// `--print-path` prints the binary.
import { runLayerTool } from './layer-tools.mjs';

runLayerTool('kubectl');
