import DataLoader from 'dataloader';

const LOADERS = Symbol('peiyu:loaders');

type WithLoaders = { [LOADERS]?: Map<string, DataLoader<string, unknown>> };

/**
 * A DataLoader per relation and per request, kept on the GraphQL context: every entity reference or
 * nested field of one request is fetched in one batched query, and nothing is cached across requests.
 */
export function requestLoader<V>(
  context: object,
  name: string,
  fetch: (ids: readonly string[]) => Promise<V[]>,
  idOf: (value: V) => string,
): DataLoader<string, V | undefined> {
  const holder = context as WithLoaders;
  holder[LOADERS] ??= new Map();
  let loader = holder[LOADERS].get(name) as DataLoader<string, V | undefined> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | undefined>(async (ids) => {
      const byId = new Map((await fetch(ids)).map((value) => [idOf(value), value]));
      return ids.map((id) => byId.get(id));
    });
    holder[LOADERS].set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Groups children by their parent id, for one-to-many loaders. */
export function groupBy<V>(values: V[], keyOf: (value: V) => string): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** A per-request one-to-many loader: all children of the requested parents in one query. */
export function requestGroupLoader<V>(
  context: object,
  name: string,
  fetch: (parentIds: readonly string[]) => Promise<V[]>,
  parentIdOf: (value: V) => string,
): DataLoader<string, V[]> {
  const holder = context as WithLoaders;
  holder[LOADERS] ??= new Map();
  let loader = holder[LOADERS].get(name) as DataLoader<string, V[]> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V[]>(async (parentIds) => {
      const groups = groupBy(await fetch(parentIds), parentIdOf);
      return parentIds.map((id) => groups.get(id) ?? []);
    });
    holder[LOADERS].set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
