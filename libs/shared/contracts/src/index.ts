export * from './domain.js';
export * from './identity.js';
export * from './events.js';
export * from './cultivation-process.js';
export * from './process-policy.js';
export * from './withdrawal.js';
export * from './scopes.js';
export * from './rubrics.js';
