export * from './apiserver/index.js';
export * from './run.js';
export * from './explain-both.js';
export * from './cluster-1-37.js';
