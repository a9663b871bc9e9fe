// Shared validators with the API server's exact texts (spec api-rules §1.1), for every rule family.
export * from './content.js';
export * from './fields.js';
export * from './equality.js';
export * from './object-meta.js';
export * from './scheduling.js';
export * from './object-meta-rules.js';
export * from './shape.js';
export * from './decode-rule.js';
