export * from './reach.js';
