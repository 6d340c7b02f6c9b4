export * from './organization-activities.js';
