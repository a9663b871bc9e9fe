export * from './compare.js';
export * from './fill.js';
