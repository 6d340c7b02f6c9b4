// Lint: type-aware promise rules everywhere, Nx module boundaries on two tag axes (scope and type),
// and determinism rules for workflow code; the admin app under the same TypeScript rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const SCOPES = ['communities', 'organizations', 'assessments', 'cultivation', 'analytics', 'platform', 'admin', 'shared'];

/** What each scope may depend on: its own scope, shared and platform, and the read APIs of the domains it reads. */
const scopeDeps = {
  communities: ['communities'],
  organizations: ['organizations', 'communities'],
  assessments: ['assessments', 'communities', 'organizations'],
  cultivation: ['cultivation', 'communities', 'organizations', 'assessments'],
  analytics: ['analytics'],
  platform: SCOPES.filter((s) => s !== 'admin'),
  admin: [],
  shared: [],
};

/** What each type may depend on. */
const typeDeps = {
  app: ['feature', 'data-access', 'workflow', 'contracts', 'util', 'testing'],
  feature: ['data-access', 'contracts', 'util'],
  'data-access': ['data-access', 'contracts', 'util'],
  workflow: ['contracts', 'data-access'], // data-access only for activity *types*; enforced below
  contracts: ['contracts'],
  util: ['util', 'contracts'],
  testing: ['util', 'contracts', 'data-access', 'feature'],
  ui: ['ui', 'util', 'contracts'],
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'test-artifacts/**', 'apps/admin/src/graphql/generated/**', '**/*.mjs', '**/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { '@nx': nx, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { maxDepth: 4 }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            ...Object.entries(scopeDeps).map(([scope, deps]) => ({
              sourceTag: `scope:${scope}`,
              onlyDependOnLibsWithTags: [...new Set([`scope:${scope}`, 'scope:shared', 'scope:platform', ...deps.map((d) => `scope:${d}`)])],
            })),
            ...Object.entries(typeDeps).map(([type, deps]) => ({
              sourceTag: `type:${type}`,
              onlyDependOnLibsWithTags: deps.map((d) => `type:${d}`),
            })),
          ],
        },
      ],
    },
  },
  {
    // Workflow code is replayed deterministically in a sandbox: no I/O, no Node built-ins, no
    // frameworks; activities are imported as types only.
    files: ['libs/*/workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'child_process', 'os', 'net'], message: 'Workflow code must be deterministic: no Node built-ins.' },
            { group: ['@nestjs/*', 'typeorm', 'pg', '@temporalio/activity', '@temporalio/client', '@temporalio/worker'], message: 'Workflow code may not import I/O libraries.' },
            { group: ['@peiyu/*-activities', '@peiyu/*-data-access', '@peiyu/*-feature'], allowTypeImports: true, message: 'Import activities as types only.' },
          ],
        },
      ],
    },
  },
  {
    // The admin app is a browser app with its own tsconfigs (the app, and its Node-side vite config and codegen).
    files: ['apps/admin/**/*.ts', 'apps/admin/**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['apps/admin/tsconfig.json', 'apps/admin/tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser },
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['apps/admin/tsconfig.json', 'apps/admin/tsconfig.node.json'] })],
    },
  },
  {
    files: ['apps/admin/vite.config.ts', 'apps/admin/codegen/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e.ts', 'tools/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);
