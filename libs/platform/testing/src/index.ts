export * from './test-app.js';
export * from './temporal.js';
export * from './places.js';
