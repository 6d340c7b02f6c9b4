export * from './database.js';
export * from './outbox.js';
export * from './unavailable.js';
