export * from './analytics.module.js';
export * from './analytics.service.js';
export * from './analytics.types.js';
export * from './cultivation.projector.js';
export * from './cultivation-events.js';
