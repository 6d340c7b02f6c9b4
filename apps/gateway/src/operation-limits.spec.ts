import { describe, expect, it } from '@jest/globals';
import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { measureOperation } from './operation-limits.js';

const schema = buildSchema(`
  type Query { districts(first: Int): [District!]! district(id: ID!): District node: Node }
  interface Node { id: ID! }
  type District implements Node { id: ID! name: String! streets(first: Int): [Street!]! parent: District }
  type Street implements Node { id: ID! name: String! district: District! }
  type Mutation { rename(id: ID!, name: String!): District }
`);

const measure = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => measureOperation(schema, parse(query), operationName, variables, 10);

describe('measureOperation', () => {
  it('counts a field 1 and nesting as depth', () => {
    expect(measure('{ district(id: "1") { id name } }')).toEqual({ depth: 2, complexity: 3 });
    expect(measure('{ district(id: "1") { parent { parent { parent { id } } } } }')).toEqual({ depth: 5, complexity: 5 });
  });

  it('multiplies what a list holds by its page size, or the default size', () => {
    expect(measure('{ districts { id name } }')).toEqual({ depth: 2, complexity: 1 + 10 * 2 });
    expect(measure('{ districts(first: 3) { id } }')).toEqual({ depth: 2, complexity: 1 + 3 });
    expect(measure('query ($n: Int) { districts(first: $n) { id } }', { n: 50 })).toEqual({ depth: 2, complexity: 1 + 50 });
    expect(measure('{ districts(first: 100) { streets(first: 100) { id name } } }').complexity).toBe(1 + 100 * (1 + 100 * 2));
  });

  it('measures fragments and inline fragments where they are spread', () => {
    const query = `
      query { districts(first: 2) { ...D } node { ... on Street { name district { ...D } } } }
      fragment D on District { id streets(first: 5) { id } }`;
    // districts: 1 + 2 * (1 + (1 + 5)) = 15; node: 1 + (1 + (1 + 7)) = 10
    expect(measure(query)).toEqual({ depth: 4, complexity: 25 });
  });

  it('measures documents that spread fragments into each other in linear time', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on District { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : 'id'} }`).join('\n');
    const started = Date.now();
    const { complexity } = measure(`{ district(id: "1") { ...F0 } }\n${fragments}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(complexity).toBe(1 + 2 ** (levels - 1));
  });

  it('picks the named operation and ignores __typename', () => {
    expect(measure('query A { districts { id } } query B { district(id: "1") { id __typename } }', {}, 'B')).toEqual({ depth: 2, complexity: 2 });
    expect(measure('mutation { rename(id: "1", name: "x") { id } }')).toEqual({ depth: 2, complexity: 2 });
  });

  it('finds the standard introspection query deeper than the default limit', () => {
    expect(measure(getIntrospectionQuery()).depth).toBeGreaterThan(12);
  });
});
