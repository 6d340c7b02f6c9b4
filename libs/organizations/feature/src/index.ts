export * from './organizations.module.js';
export * from './organizations.service.js';
export * from './organizations.types.js';
export * from './evidence.service.js';
export * from './evidence.types.js';
export * from './connections.types.js';
export * from './member-import.service.js';
