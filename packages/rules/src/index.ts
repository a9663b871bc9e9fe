export * from './rule.js';
export * from './finding.js';
export * from './engine.js';
export * from './manifest-lookup.js';
export { ALL_RULES } from './registry.js';
export * from './job/index.js';
export * from './template/index.js';
export * from './pod-specs.js';
export * from './validation/index.js';
