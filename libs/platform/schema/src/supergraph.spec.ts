import { describe, expect, it } from '@jest/globals';
import { composeSupergraph, SUBGRAPH_NAMES, type SubgraphName } from './supergraph.js';

describe('the committed subgraph schemas', () => {
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, `http://${n}.invalid/graphql`])) as Record<SubgraphName, string>;

  it('compose into one supergraph in which every cross-service field resolves', () => {
    const supergraph = composeSupergraph(urls);
    // Spot-check the journey's federated fields: a cultivation reaches its organization's name.
    expect(supergraph).toMatch(/type Cultivation[^}]*organization: Organization!/s);
    expect(supergraph).toMatch(/type Organization[^}]*name: String!/s);
  });

  it('refuses schemas that do not compose, naming the problem', () => {
    expect(() => composeSupergraph(urls, { analytics: 'type Query { districts: Int }' })).toThrow(/do not compose/);
  });
});
