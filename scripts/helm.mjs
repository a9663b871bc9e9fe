#!/usr/bin/env node
// Runs the repo's pinned helm: `node scripts/helm.mjs <helm args>`; `--print-path` prints the binary.
import { runLayerTool } from './layer-tools.mjs';

runLayerTool('helm');
