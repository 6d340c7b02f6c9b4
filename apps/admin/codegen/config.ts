// How the admin app's operation types are generated: graphql-codegen's client preset over the
// `gql` documents in apps/admin/src, against the gateway's API schema (see api-schema.ts).
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { preset as clientPreset } from '@graphql-codegen/client-preset';

const adminDir = fileURLToPath(new URL('..', import.meta.url));

/** The committed API schema the codegen reads (written by `npm run codegen`). */
export const API_SCHEMA_PATH = `${adminDir}schema/api.graphql`;
/** Where the generated types go (committed). */
export const GENERATED_DIR = `${adminDir}src/graphql/generated/`;

/** The codegen configuration; `schema` is the API schema's path or its SDL (the up-to-date test passes the SDL). */
export function codegenConfig(schema: string): CodegenConfig {
  return {
    schema,
    documents: [`${adminDir}src/**/*.{ts,tsx}`, `!${GENERATED_DIR}**`, `!${adminDir}src/**/*.spec.{ts,tsx}`],
    silent: true,
    generates: {
      [GENERATED_DIR]: {
        preset: clientPreset,
        // Pages read every field they select; masking would only add unwrapping.
        presetConfig: { fragmentMasking: false },
        config: {
          scalars: { DateTime: 'string' },
          strictScalars: true,
          enumsAsTypes: true,
          useTypeImports: true,
          skipTypename: false,
        },
      },
    },
  };
}
