// `npm run schema:update`: regenerates the committed subgraph schemas in libs/platform/schema/subgraphs
// from the code (each subgraph booted against DATABASE_URL in its own process), then checks that
// they compose. Run it after changing a GraphQL type; each service's integration test fails while
// its committed schema differs from what it serves.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, subgraphSchemaPath, SUBGRAPH_NAMES, type SubgraphName } from '@peiyu/platform-schema';

const runner = fileURLToPath(new URL('../dev/run-ts.mjs', import.meta.url));
const printer = fileURLToPath(new URL('./print-subgraph.ts', import.meta.url));
const schemas: Partial<Record<SubgraphName, string>> = {};
for (const name of SUBGRAPH_NAMES) {
  schemas[name] = execFileSync(process.execPath, [runner, printer, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  writeFileSync(subgraphSchemaPath(name), schemas[name]!);
  console.log(`wrote ${subgraphSchemaPath(name)}`);
}
composeSupergraph(Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, `http://${n}.invalid/graphql`])) as Record<SubgraphName, string>, schemas);
console.log('The subgraph schemas compose.');
