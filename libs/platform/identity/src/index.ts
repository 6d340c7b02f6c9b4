export * from './identity.service.js';
export * from './identity.module.js';
export * from './identity-settings.js';
export * from './access-policy.js';
export * from './scope-directory.js';
export * from './sign-in-throttle.js';
export * from './oidc.service.js';
