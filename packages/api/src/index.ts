export * from './types.js';
export * from './field.js';
export * from './quantity.js';
export * from './gates.js';
export * from './lookup.js';
export * from './objects.js';
export * from './snapshot.js';
export * from './label-selector.js';
