export * from './test-app.js';
export * from './temporal.js';
