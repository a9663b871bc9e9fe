export * from './names.js';
export * from './ownership.js';
export * from './qualification.js';
export * from './expected-objects.js';
