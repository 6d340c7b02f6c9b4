// One Jest run, four projects. Jest runs in ESM mode (NestJS 12 ships only ESM): tools/dev/test.mjs
// sets NODE_OPTIONS=--experimental-vm-modules. @swc/jest compiles TypeScript with decorator metadata.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      keepClassNames: true,
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  // Relative imports carry `.js` suffixes (Node ESM); Jest resolves them to the `.ts` sources.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['reflect-metadata'],
  testEnvironment: 'node',
  // Services boot against real servers in beforeAll; 2 cores under load are slow to do that.
  testTimeout: 30000,
  modulePathIgnorePatterns: ['<rootDir>/.data', '<rootDir>/dist', '<rootDir>/apps/admin/dist'],
};

export default {
  rootDir: '.',
  // Global, not per project: services boot against real servers, and 2 cores under load are slow.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      // Also the admin app's component tests; each names the jsdom environment in its docblock
      // (`@jest-environment jsdom`), the rest of the project stays on Node.
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts', '<rootDir>/apps/admin/src/**/*.spec.tsx'],
      setupFiles: [...common.setupFiles, '<rootDir>/apps/admin/jest.setup.mjs'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.workflow\\.spec\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'workflow',
      testMatch: ['<rootDir>/libs/**/*.workflow.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/tools/db/jest-global-setup.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
    },
  ],
};
