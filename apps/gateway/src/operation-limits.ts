import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The code of an operation refused for its depth or estimated cost. Not yet in the shared list of
 * API_ERROR_CODES (libs/shared/contracts/src/identity.ts); the gateway lets it through meanwhile.
 */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

export interface OperationLimits {
  /** The deepest nesting of fields allowed (`{ a { b } }` is 2). */
  maxDepth: number;
  /** The highest estimated cost allowed (see measureOperation). */
  maxComplexity: number;
  /** The number of items a list field is assumed to return when no `first`/`last`/`limit` argument says. */
  defaultListSize: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = { maxDepth: 12, maxComplexity: 5000, defaultListSize: 10 };

export interface OperationMeasure {
  depth: number;
  complexity: number;
}

const PAGE_ARGUMENTS = ['first', 'last', 'limit'];

function intValue(node: ValueNode, variables: Record<string, unknown>): number | null {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  return null;
}

/**
 * The depth and estimated cost of an operation, without running it: every field costs 1, and the
 * selection under a list field costs as many times as the list is long (its `first`, `last` or
 * `limit` argument, else the default size). Fragments are measured once per type they are spread
 * in, so a document that spreads fragments into each other costs linear time to measure.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
  defaultListSize = DEFAULT_OPERATION_LIMITS.defaultListSize,
): OperationMeasure {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return { depth: 0, complexity: 0 };
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const memo = new Map<string, OperationMeasure>();

  function measureSelections(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, visiting: Set<string>): OperationMeasure {
    let depth = 0;
    let complexity = 0;
    for (const selection of selectionSet.selections) {
      let part: OperationMeasure;
      if (selection.kind === Kind.FIELD) {
        part = measureField(selection, parent, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        part = type && isCompositeType(type) ? measureSelections(selection.selectionSet, type, visiting) : { depth: 0, complexity: 0 };
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        // Validation has refused cycles already; `visiting` only guards against looping anyway.
        if (!fragment || !type || !isCompositeType(type) || visiting.has(fragment.name.value)) {
          part = { depth: 0, complexity: 0 };
        } else {
          const key = `${fragment.name.value}@${type.name}`;
          let measured = memo.get(key);
          if (!measured) {
            measured = measureSelections(fragment.selectionSet, type, new Set([...visiting, fragment.name.value]));
            memo.set(key, measured);
          }
          part = measured;
        }
      }
      depth = Math.max(depth, part.depth);
      complexity += part.complexity;
    }
    return { depth, complexity };
  }

  function measureField(field: FieldNode, parent: GraphQLCompositeType, visiting: Set<string>): OperationMeasure {
    if (field.name.value === '__typename') return { depth: 1, complexity: 0 };
    const definition = 'getFields' in parent ? parent.getFields()[field.name.value] : undefined;
    const fieldType = definition?.type ?? (field.name.value === '__schema' ? schema.getType('__Schema') : field.name.value === '__type' ? schema.getType('__Type') : undefined);
    if (!field.selectionSet) return { depth: 1, complexity: 1 };
    const named = fieldType ? getNamedType(fieldType) : undefined;
    const child = named && isCompositeType(named) ? measureSelections(field.selectionSet, named, visiting) : { depth: 0, complexity: 0 };
    let multiplier = 1;
    if (fieldType && isListType(getNullableType(fieldType))) {
      const page = field.arguments?.find((a) => PAGE_ARGUMENTS.includes(a.name.value));
      const size = page ? intValue(page.value, variables) : null;
      multiplier = size !== null && size >= 0 ? size : defaultListSize;
    }
    return { depth: 1 + child.depth, complexity: 1 + multiplier * child.complexity };
  }

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return { depth: 0, complexity: 0 };
  return measureSelections(operation.selectionSet, root, new Set());
}

/** Refuses, before any planning or subgraph call, an operation deeper or costlier than the limits. */
export function operationLimitsPlugin<TContext extends object>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, schema }) {
          const { depth, complexity } = measureOperation(schema, document, operationName, request.variables ?? {}, limits.defaultListSize);
          if (depth > limits.maxDepth) {
            throw new GraphQLError(`The operation is nested ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, {
              extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 } },
            });
          }
          if (complexity > limits.maxComplexity) {
            throw new GraphQLError(`The operation's estimated cost is ${complexity}; at most ${limits.maxComplexity} is allowed. Ask for fewer fields or smaller pages.`, {
              extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
