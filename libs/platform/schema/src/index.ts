export * from './supergraph.js';
