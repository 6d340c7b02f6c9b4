// `npm run codegen`: writes the gateway's API schema to apps/admin/schema/api.graphql and generates
// the admin app's operation types from it into apps/admin/src/graphql/generated/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { composeApiSchema } from './api-schema.js';
import { API_SCHEMA_PATH, codegenConfig } from './config.js';

mkdirSync(dirname(API_SCHEMA_PATH), { recursive: true });
writeFileSync(API_SCHEMA_PATH, composeApiSchema());
await generate(codegenConfig(API_SCHEMA_PATH), true);
console.log(`wrote ${API_SCHEMA_PATH} and the generated operation types`);
