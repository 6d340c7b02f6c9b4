export * from './cultivation-history.js';
export * from './generate.js';
export * from './progress.js';
export * from './random.js';
export * from './scales.js';
export * from './tables.js';
export * from './writer.js';
