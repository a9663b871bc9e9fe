#!/usr/bin/env node
import '../dist/bundle/kubectl-workload.js';
