export * from './apiserver/index.js';
export * from './run.js';
