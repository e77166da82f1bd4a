import type { ReactNode } from 'react';
import type { PagedListState } from '../hooks/use-paged-list.ts';
import { Button } from './button.tsx';
import { DataTable, type Column } from './data-table.tsx';
import { EmptyState, ErrorBanner, TableSkeleton, type EmptyStateProps } from './feedback.tsx';
import { FilterBar } from './filter-bar.tsx';
import { Card } from './layout-parts.tsx';
import { LoadMoreFooter } from './load-more-footer.tsx';

export interface TableFilters {
  readonly controls: ReactNode;
  /** Whether any filter is set: offers "Clear filters" and shows `noMatches` for no rows. */
  readonly active: boolean;
  readonly clear: () => void;
}

/** What a page's table says, fixed for the page: its columns and messages. */
export interface TableSpec {
  readonly columns: readonly Column[];
  /** In place of the table when the first load fails. */
  readonly loadErrorTitle: string;
  /** Above the card when a refresh fails while rows are shown; no banner when undefined. */
  readonly refreshErrorTitle?: string;
  /** The empty state while filtered. */
  readonly noMatches?: { readonly title: string; readonly description: ReactNode };
  /** Scroll sideways inside the card when the table is wider. @defaultValue true */
  readonly scroll?: boolean;
  /** Placeholder size while loading. @defaultValue 5 rows, one column per column */
  readonly skeleton?: { readonly rows?: number; readonly columns?: number };
}

export interface PagedTableProps<T> extends TableSpec {
  readonly list: PagedListState<T>;
  /** One `<tr>` (with its key) per row. */
  readonly renderRow: (row: T) => ReactNode;
  /** In place of the table when there are no rows. */
  readonly empty: EmptyStateProps;
  /** Filter controls at the top of the card. */
  readonly filters?: TableFilters;
}

/** A live list in a card: filters, then loading, error, empty (or no matches) or the rows, then "Load more". */
export function PagedTable<T>({ list, refreshErrorTitle, loadErrorTitle, noMatches, empty, filters, skeleton, ...table }: PagedTableProps<T>) {
  const reload = () => void list.reload();
  let body: ReactNode;
  if (list.loading) body = <TableSkeleton columns={skeleton?.columns ?? table.columns.length} rows={skeleton?.rows} />;
  else if (list.error !== undefined && list.items.length === 0)
    body = (
      <div className="p-4">
        <ErrorBanner error={list.error} title={loadErrorTitle} action={<Button size="sm" onClick={reload}>Try again</Button>} />
      </div>
    );
  else if (list.items.length === 0 && filters?.active && noMatches)
    body = <EmptyState icon={empty.icon} {...noMatches} action={<Button onClick={filters.clear}>Clear filters</Button>} />;
  else if (list.items.length === 0) body = <EmptyState {...empty} />;
  else body = <DataTable {...table} rows={list.items} />;

  return (
    <>
      {refreshErrorTitle !== undefined && list.error !== undefined && list.items.length > 0 && (
        <div className="mb-4">
          <ErrorBanner error={list.error} title={refreshErrorTitle} />
        </div>
      )}
      <Card className="overflow-hidden">
        {filters && <FilterBar onClear={filters.active ? filters.clear : undefined}>{filters.controls}</FilterBar>}
        {body}
        {list.hasMore && <LoadMoreFooter onLoadMore={() => void list.loadMore()} busy={list.loadingMore} />}
      </Card>
    </>
  );
}
