export * from './review.js';
export * from './verdict-response.js';
export * from './review-handler.js';
export * from './metrics.js';
export * from './lookup-source.js';
export * from './tls.js';
export * from './app.js';
export * from './server.js';
