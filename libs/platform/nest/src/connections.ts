import { ArgsType, Directive, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DomainException } from './domain-exception.js';

/** The page size bounds of every connection: `first` (or `last`) from 1 to 100; 20 when neither is given. */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** The order of a connection's sort field; ties are broken by id in the same direction. */
export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: 'The order of a connection sort.',
  valuesMap: { ASC: { description: 'Ascending: A to Z, oldest first, smallest first.' }, DESC: { description: 'Descending: Z to A, newest first, largest first.' } },
});

/** The paging arguments of every connection query (Relay cursor connections). */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return after \`after\`, from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given.` })
  @IsOptional() @IsInt({ message: 'first must be an integer' }) @Min(MIN_PAGE_SIZE, { message: `first must be at least ${MIN_PAGE_SIZE}` }) @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first?: number | null;
  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an endCursor or edge cursor of the same query and sort).' })
  @IsOptional() @IsString() after?: string | null;
  @Field(() => Int, { nullable: true, description: `How many items to return before \`before\`, from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}; not together with first.` })
  @IsOptional() @IsInt({ message: 'last must be an integer' }) @Min(MIN_PAGE_SIZE, { message: `last must be at least ${MIN_PAGE_SIZE}` }) @Max(MAX_PAGE_SIZE, { message: `last must be at most ${MAX_PAGE_SIZE}` })
  last?: number | null;
  @Field(() => String, { nullable: true, description: 'Return the items before this cursor (a startCursor or edge cursor of the same query and sort).' })
  @IsOptional() @IsString() before?: string | null;
}

/** Where a page sits in the whole list. Identical in every subgraph (shareable). */
@ObjectType('PageInfo', { description: 'Where a page of a cursor connection sits in the whole list.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether there are items after this page (when paging backwards: whether `before` was given).' })
  hasNextPage: boolean;
  @Field({ description: 'Whether there are items before this page (when paging forwards: whether `after` was given).' })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the first item of the page; null when the page is empty.' })
  startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the last item of the page; null when the page is empty. Pass it as `after` for the next page.' })
  endCursor: string | null;
}

/** One page of a connection, before GraphQL. */
export interface ConnectionPage<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** The abstract shape a `Connection(Node)` class has: extend it with `@ObjectType('XConnection')`. */
export interface ConnectionType<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/**
 * A Relay connection class over a node type. Registers `<Node>Edge`; the caller names the connection:
 * `@ObjectType('OrganizationConnection', { description }) class OrganizationConnection extends Connection(Organization) {}`.
 */
export function Connection<T>(nodeType: Type<T>, nodeName: string = nodeType.name): Type<ConnectionType<T>> {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} of a connection, with its cursor.` })
  class Edge {
    @Field({ description: 'An opaque cursor of this item; pass it as `after` or `before`.' }) cursor: string;
    @Field(() => nodeType, { description: `The ${nodeName}.` }) node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionClass {
    @Field(() => Int, { description: 'How many items match the filter, over all pages.' }) totalCount: number;
    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' }) pageInfo: PageInfo;
    @Field(() => [Edge], { description: 'The items of this page, each with its cursor.' }) edges: Edge[];
  }
  return ConnectionClass as unknown as Type<ConnectionType<T>>;
}

/** How a connection is sorted: an SQL expression over the query's alias, and how to read its value from a row. */
export interface SortKey<E> {
  /** The name put in cursors, so a cursor of another sort is refused. */
  name: string;
  /** An SQL expression that is never null, e.g. `o."name"`; timestamps truncated to milliseconds, as a JS Date holds them. */
  expression: string;
  /** The expression's value for a row, as the cursor keeps it (Date as ISO text). */
  valueOf: (row: E) => string | number;
  direction: 'ASC' | 'DESC';
}

type CursorValue = string | number;

/** An opaque cursor: base64url of the sort name, the row's sort value and its id. */
export function encodeCursor(sortName: string, value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([sortName, value, id]), 'utf8').toString('base64url');
}

/** The sort value and id of a cursor; BAD_USER_INPUT naming `field` when it is not one of this sort's. */
export function decodeCursor(cursor: string, sortName: string, field: string): { value: CursorValue; id: string } {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 3 && decoded[0] === sortName && (typeof decoded[1] === 'string' || typeof decoded[1] === 'number') && typeof decoded[2] === 'string') {
      return { value: decoded[1], id: decoded[2] };
    }
  } catch {
    // fall through
  }
  throw DomainException.badInput(field, `${field} is not a cursor of this list and sort.`);
}

/** Checks the paging arguments: BAD_USER_INPUT naming `first`, `last`, `after` or `before`. */
export function pageSizeOf(args: ConnectionArgs): { size: number; backwards: boolean } {
  const check = (name: 'first' | 'last', value: number): number => {
    if (!Number.isInteger(value) || value < MIN_PAGE_SIZE || value > MAX_PAGE_SIZE) {
      throw DomainException.badInput(name, `${name} must be an integer from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}.`);
    }
    return value;
  };
  if (args.first != null && args.last != null) throw DomainException.badInput('last', 'last cannot be given together with first.');
  if (args.first != null && args.before != null) throw DomainException.badInput('before', 'before goes with last, not with first.');
  if (args.last != null && args.after != null) throw DomainException.badInput('after', 'after goes with first, not with last.');
  if (args.last != null) return { size: check('last', args.last), backwards: true };
  if (args.before != null) return { size: DEFAULT_PAGE_SIZE, backwards: true };
  return { size: args.first != null ? check('first', args.first) : DEFAULT_PAGE_SIZE, backwards: false };
}

/**
 * Runs a connection query over a filtered query builder: one count and one keyset page query
 * (sort expression, then id), whatever the page. `idColumn` is the SQL of the id, e.g. `o."id"`.
 */
export async function paginate<E extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<E>,
  idColumn: string,
  sort: SortKey<E>,
  args: ConnectionArgs,
): Promise<ConnectionPage<E>> {
  const { size, backwards } = pageSizeOf(args);
  const cursorArg = backwards ? args.before : args.after;
  const cursor = cursorArg != null ? decodeCursor(cursorArg, sort.name, backwards ? 'before' : 'after') : null;

  const totalCount = await query.clone().getCount();

  const page = query.clone();
  // Walking backwards reads the list in reverse order, then turns the page round.
  const ascending = (sort.direction === 'ASC') !== backwards;
  if (cursor) {
    page.andWhere(`(${sort.expression}, ${idColumn}) ${ascending ? '>' : '<'} (:cursorValue, :cursorId)`, { cursorValue: cursor.value, cursorId: cursor.id });
  }
  const order = ascending ? 'ASC' : 'DESC';
  page.orderBy(sort.expression, order).addOrderBy(idColumn, order).take(undefined).skip(undefined).limit(size + 1);
  const rows = await page.getMany();
  const more = rows.length > size;
  const items = rows.slice(0, size);
  if (backwards) items.reverse();

  const edges = items.map((node) => ({ cursor: encodeCursor(sort.name, sort.valueOf(node), node.id), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: backwards ? cursor != null : more,
      hasPreviousPage: backwards ? more : cursor != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** `%text%` for ILIKE, the pattern characters of the text escaped: "contains, case-insensitive". */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Sorts on a row's `created_at`, truncated to milliseconds as a JS Date (and so a cursor) holds it. */
export function createdAtSortKey<E extends { createdAt: Date }>(alias: string, direction: 'ASC' | 'DESC', column = 'created_at'): SortKey<E> {
  return { name: 'CREATED_AT', expression: `date_trunc('milliseconds', ${alias}."${column}")`, valueOf: (row) => row.createdAt.toISOString(), direction };
}

/** Sorts on a text column in code-point order (collation "C"), the same in the ORDER BY and the cursor comparison. */
export function textSortKey<E>(name: string, alias: string, column: string, valueOf: (row: E) => string, direction: 'ASC' | 'DESC'): SortKey<E> {
  return { name, expression: `${alias}."${column}" COLLATE "C"`, valueOf, direction };
}
