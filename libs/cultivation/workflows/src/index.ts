export * from './cultivation.workflow.js';
export * from './withdrawal.workflow.js';
