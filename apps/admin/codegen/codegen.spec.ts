import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { generate } from '@graphql-codegen/cli';
import { composeApiSchema } from './api-schema.js';
import { API_SCHEMA_PATH, codegenConfig, GENERATED_DIR } from './config.js';

// Regenerates in memory from the committed subgraph schemas and the operations in apps/admin/src,
// and compares with what is committed: a schema or operation change without `npm run codegen` fails.
describe('the admin app generated operation types', () => {
  const apiSchema = composeApiSchema();

  it('are generated from the API schema the committed subgraph schemas compose into', () => {
    expect(readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(apiSchema);
  });

  it('match the operations in apps/admin/src (run `npm run codegen` after changing one)', async () => {
    const outputs = (await generate(codegenConfig(apiSchema), false)) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename.replace(GENERATED_DIR, '')).sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts']);
    for (const output of outputs) {
      expect({ file: output.filename, content: readFileSync(output.filename, 'utf8') }).toEqual({ file: output.filename, content: output.content });
    }
  }, 60_000);
});
