export * from './names.js';
export * from './ownership.js';
export * from './qualification.js';
export * from './expected-objects.js';
export * from './elastic-gang.js';
