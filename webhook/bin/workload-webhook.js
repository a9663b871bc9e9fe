#!/usr/bin/env node
import '../dist/bundle/workload-webhook.js';
