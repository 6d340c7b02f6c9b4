export * from './cultivation-activities.js';
export * from './direction.js';
export * from './evidence-relay.js';
export * from './gate.js';
export * from './notifications.js';
export * from './smtp-mailer.js';
