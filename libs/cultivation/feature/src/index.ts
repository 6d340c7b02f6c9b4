export * from './cultivation.module.js';
export * from './cultivation.service.js';
export * from './cultivation.types.js';
