export * from './tokens.js';
export * from './passwords.js';
export * from './secrets.js';
export * from './refresh-tokens.js';
export * from './oidc.js';
