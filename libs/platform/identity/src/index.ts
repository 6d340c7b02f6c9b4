export * from './identity.service.js';
export * from './identity.module.js';
