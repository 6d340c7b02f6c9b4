import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** The subgraphs the gateway composes; each one's SDL is committed at libs/platform/schema/subgraphs/<name>.graphql. */
export const SUBGRAPH_NAMES = ['communities', 'organizations', 'assessments', 'cultivation', 'analytics'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function subgraphSchemaPath(name: SubgraphName): string {
  return fileURLToPath(new URL(`../subgraphs/${name}.graphql`, import.meta.url));
}

export function readSubgraphSchema(name: SubgraphName): string {
  return readFileSync(subgraphSchemaPath(name), 'utf8');
}

/**
 * Composes the committed subgraph schemas into the supergraph the gateway serves. Composition is
 * static (no introspection of live services), so the gateway starts whatever state the services
 * are in, and a change that breaks composition fails in CI rather than in production.
 */
export function composeSupergraph(urls: Record<SubgraphName, string>, schemas: Partial<Record<SubgraphName, string>> = {}): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, url: urls[name], typeDefs: parse(schemas[name] ?? readSubgraphSchema(name)) })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`The subgraph schemas do not compose:\n${(result.errors ?? []).map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
