// The table of a list loaded by a query: its loading and error states, the rows it shows (stale
// while a new page or filter loads), and the row saying it has nothing to show.
import type { ReactNode } from 'react';
import { EmptyRow, ErrorState, LoadingState } from './states';

/** One column: its header and whether it holds numbers (aligned right). */
export interface TableColumn {
  label: ReactNode;
  numeric?: boolean;
}

/** A table's header row of `columns`. */
export function TableHead({ columns }: { columns: readonly TableColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col" className={column.numeric ? 'numeric' : undefined}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** What a table needs to know of its query (an Apollo `useQuery` result fits). */
export interface QueryState {
  loading: boolean;
  error?: unknown;
  refetch: () => Promise<unknown>;
}

/**
 * The error (with a retry) until the first rows arrive, the spinner while they load, then the
 * table: an error above it if reloading failed, dimmed while reloading, `empty` when there are no
 * rows, and `footer` (e.g. the pager) beneath it.
 */
export function QueryTable<Row>({
  rows,
  query,
  testId,
  columns,
  empty,
  footer,
  children,
}: {
  /** The rows to show: undefined until the query first returned. */
  rows: readonly Row[] | undefined;
  query: QueryState;
  testId: string;
  columns: readonly TableColumn[];
  empty: string;
  footer?: ReactNode;
  /** The table row (or rows) of one row. */
  children: (row: Row) => ReactNode;
}) {
  const { loading, error } = query;
  const retry = () => void query.refetch();
  if (!rows) return error ? <ErrorState error={error} onRetry={retry} /> : <LoadingState />;
  return (
    <>
      {error ? <ErrorState error={error} onRetry={retry} /> : null}
      <div className="table-wrap">
        <table className={loading ? 'table table-stale' : 'table'} data-testid={testId} aria-busy={loading || undefined}>
          <TableHead columns={columns} />
          <tbody>
            {rows.length === 0 && <EmptyRow colSpan={columns.length} message={empty} />}
            {rows.map(children)}
          </tbody>
        </table>
      </div>
      {footer}
    </>
  );
}
