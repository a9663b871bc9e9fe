export * from './apiserver/index.js';
export * from './run.js';
export * from './explain-both.js';
