// What the directory's list pages share: filters kept in the URL, the filter of named records, the
// button clearing the filters, a cursor connection's table with its pager, and their common cells.
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FilterSelect } from '../../components/FilterSelect';
import { QueryTable, type QueryState, type TableColumn } from '../../components/QueryTable';
import { useI18n } from '../../i18n';
import { Pager, useSetParams } from './common';

/**
 * The URL parameters `names` as filter values ("" when absent); `setFilter` changes one and
 * `clearFilters` removes them all (both go back to the first page).
 */
export function useUrlFilters<Name extends string>(names: readonly Name[]) {
  const [params] = useSearchParams();
  const setParams = useSetParams();
  const values = Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as Record<Name, string>;
  return {
    values,
    /** Whether any of the filters is set. */
    filtered: names.some((name) => values[name] !== ''),
    setFilter: (name: Name, value: string) => setParams({ [name]: value }),
    clearFilters: () => setParams(Object.fromEntries(names.map((name) => [name, null]))),
  };
}

/** "Clear filters", offered only while some filter is set. */
export function ClearFilters({ shown, onClear, testId }: { shown: boolean; onClear: () => void; testId?: string }) {
  const { t } = useI18n();
  if (!shown) return null;
  return (
    <button type="button" className="button button-ghost" data-testid={testId} onClick={onClear}>
      {t('directory.clear')}
    </button>
  );
}

/** One page of a cursor connection, as the list pages select it. */
export interface ConnectionPage<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  edges: readonly { node: Node }[];
}

/** A connection's nodes as a table (see QueryTable), with the pager beneath. */
export function ConnectionTable<Node>({
  connection,
  query,
  testId,
  columns,
  empty,
  children,
}: {
  /** The page shown: undefined until the query first returned. */
  connection: ConnectionPage<Node> | undefined;
  query: QueryState;
  testId: string;
  columns: readonly TableColumn[];
  empty: string;
  children: (node: Node) => ReactNode;
}) {
  return (
    <QueryTable
      rows={connection?.edges.map((edge) => edge.node)}
      query={query}
      testId={testId}
      columns={columns}
      empty={empty}
      footer={connection && <Pager pageInfo={connection.pageInfo} totalCount={connection.totalCount} />}
    >
      {children}
    </QueryTable>
  );
}

/** A filter choosing one of some named records (a community, a district), headed by "all". */
export function RecordFilter({
  label,
  testId,
  value,
  onChange,
  records,
}: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  /** The records to choose from: none while they load. */
  records: readonly { id: string; name: string }[] | undefined;
}) {
  const { t } = useI18n();
  return (
    <FilterSelect
      label={label}
      testId={testId}
      value={value}
      onChange={onChange}
      allLabel={t('organizations.all')}
      options={(records ?? []).map((record) => ({ value: record.id, label: record.name }))}
    />
  );
}

/** A cell linking to a record; `primary` for the cell naming the row's own record. */
export function LinkCell({ to, primary = false, testId, children }: { to: string; primary?: boolean; testId?: string; children: ReactNode }) {
  return (
    <td>
      <Link to={to} className={primary ? 'cell-primary cell-link' : 'cell-link'} data-testid={testId}>
        {children}
      </Link>
    </td>
  );
}

/** A cell showing an instant (ISO 8601) in the current locale. */
export function DateTimeCell({ value }: { value: string }) {
  const { formatDateTime } = useI18n();
  return (
    <td>
      <time dateTime={value}>{formatDateTime(value)}</time>
    </td>
  );
}
