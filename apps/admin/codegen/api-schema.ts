// The gateway's API schema, composed from the committed subgraph schemas exactly as the gateway
// composes them, minus the federation machinery: what a client of the gateway can query.
import { Supergraph } from '@apollo/federation-internals';
import { composeSupergraph, SUBGRAPH_NAMES, type SubgraphName } from '@peiyu/platform-schema';
import { lexicographicSortSchema, printSchema } from 'graphql';

export function composeApiSchema(): string {
  // Composition needs a URL per subgraph; they do not show in the API schema.
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://${name}.invalid/graphql`])) as Record<SubgraphName, string>;
  const api = Supergraph.build(composeSupergraph(urls)).apiSchema().toGraphQLJSSchema();
  // Sorted, so that the committed file changes only where the schema does.
  return `${printSchema(lexicographicSortSchema(api))}\n`;
}
