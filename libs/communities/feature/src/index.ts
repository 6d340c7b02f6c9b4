export * from './communities.module.js';
export * from './communities.service.js';
export * from './communities.types.js';
