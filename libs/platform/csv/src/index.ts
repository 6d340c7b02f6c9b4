export * from './csv.js';
export * from './table-import.js';
