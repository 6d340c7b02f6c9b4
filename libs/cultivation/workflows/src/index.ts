export * from './cultivation.workflow.js';
export * from './deadline-recompute.workflow.js';
export * from './withdrawal.workflow.js';
