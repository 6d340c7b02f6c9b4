export * from './assessments.module.js';
export * from './assessments.service.js';
export * from './assessments.types.js';
export * from './connections.types.js';
