export * from './compare.js';
export * from './fill.js';
export * from './ref.js';
