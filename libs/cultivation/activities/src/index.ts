export * from './cultivation-activities.js';
