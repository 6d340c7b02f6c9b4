export * from './cultivation.workflow.js';
