import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.js';
import { errorMessage } from './form.js';
import { EmptyState, ErrorState, LoadingState } from './states.js';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Hidden on phones (the first column and actions should stay). */
  wide?: boolean;
}

/** A page of a list endpoint (`{ items, nextCursor }`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A table over a cursor-paginated endpoint: loads the first page, then "load more" follows
 * `nextCursor`. Loading, empty and error states included.
 */
export function CursorTable<T>({
  caption,
  queryKey,
  fetchPage,
  columns,
  rowKey,
  empty,
}: {
  caption: string;
  queryKey: QueryKey;
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  empty: { title: string; body?: string };
}) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return <ErrorState message={errorMessage(query.error, t)} onRetry={() => query.refetch()} />;
  const rows = query.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <EmptyState title={empty.title}>{empty.body}</EmptyState>;
  const hide = (column: Column<T>) => (column.wide ? 'hidden md:table-cell' : '');
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-surface-muted">
            <tr>
              {columns.map((column) => (
                <th
                  key={column.header}
                  scope="col"
                  className={`whitespace-nowrap px-3 py-2 font-semibold ${hide(column)}`}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className="border-t border-border">
                {columns.map((column) => (
                  <td key={column.header} className={`px-3 py-2 align-middle ${hide(column)}`}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {query.hasNextPage && (
        <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
