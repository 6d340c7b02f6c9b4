// A card of a record's page listing some records that belong to it (a community's organizations,
// an institution's contracts): its heading, then their table, or a message when there are none.
import type { ReactNode } from 'react';
import { TableHead, type TableColumn } from './QueryTable';
import { EmptyState } from './states';

export function RecordsSection<Row>({
  id,
  title,
  testId,
  rows,
  empty,
  columns,
  children,
}: {
  /** The heading's id, which labels the section. */
  id: string;
  title: string;
  testId: string;
  rows: readonly Row[];
  empty: string;
  /** The header row; none for a list whose cells speak for themselves. */
  columns?: readonly TableColumn[];
  /** The table row of one record. */
  children: (row: Row) => ReactNode;
}) {
  return (
    <section className="card card-flush" aria-labelledby={id}>
      <div className="card-header">
        <h2 id={id}>{title}</h2>
      </div>
      {rows.length === 0 ? (
        <EmptyState message={empty} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid={testId}>
            {columns && <TableHead columns={columns} />}
            <tbody>{rows.map(children)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
