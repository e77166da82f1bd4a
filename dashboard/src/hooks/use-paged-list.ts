import { useCallback, useRef, useState } from 'react';
import type { Page } from '../api/types.ts';
import { usePolledFetch, type FetchOutcome } from './use-polled-fetch.ts';

const MAX_REFRESH = 200;

export interface PagedListState<T> {
  readonly items: readonly T[];
  readonly hasMore: boolean;
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: unknown;
  readonly loadMore: () => Promise<void>;
  readonly reload: () => Promise<void>;
  /** Show a changed row at once (e.g. the PATCH response) without waiting for the next refresh. */
  readonly replace: (item: T) => void;
}

interface ListState<T> {
  readonly key: string;
  readonly items: readonly T[];
  readonly cursor: string | null;
  readonly settled: boolean;
  readonly error: unknown;
}

export type FetchPage<T> = (request: { limit: number; cursor?: string | null; signal?: AbortSignal }) => Promise<Page<T>>;

/**
 * A cursor-paginated list with "Load more" that stays live: every `pollMs` it re-reads as many
 * rows as are on screen (up to 200) from the top, so new rows appear and statuses change in place
 * while the "Load more" cursor stays consistent with what is shown.
 */
export function usePagedList<T extends { readonly id: string }>(
  key: string,
  fetchPage: FetchPage<T>,
  options: { readonly pageSize?: number; readonly pollMs?: number } = {},
): PagedListState<T> {
  const { pageSize = 50, pollMs } = options;
  const [state, setState] = useState<ListState<T>>({ key, items: [], cursor: null, settled: false, error: undefined });
  const [loadingMore, setLoadingMore] = useState(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const stateRef = useRef(state);
  stateRef.current = state;

  // Re-read from the top as many rows as are shown; `previous` is what was shown when the read began.
  const fetch = useCallback(
    async (signal: AbortSignal) => {
      const previous = stateRef.current.key === key ? stateRef.current : null;
      const shown = previous?.items.length ?? 0;
      const limit = Math.min(MAX_REFRESH, Math.max(pageSize, shown));
      return { previous, page: await fetchRef.current({ limit, signal }) };
    },
    [key, pageSize],
  );
  const settle = useCallback(
    (outcome: FetchOutcome<{ previous: ListState<T> | null; page: Page<T> }>) => {
      if (!outcome.ok) {
        const { error } = outcome;
        setState((last) => (last.key === key ? { ...last, settled: true, error } : { key, items: [], cursor: null, settled: true, error }));
        return;
      }
      const { previous, page } = outcome.value;
      if (previous && previous.items.length > MAX_REFRESH) {
        const head = new Set(page.items.map((item) => item.id));
        const tail = previous.items.slice(MAX_REFRESH).filter((item) => !head.has(item.id));
        setState({ key, items: [...page.items, ...tail], cursor: previous.cursor, settled: true, error: undefined });
      } else {
        setState({ key, items: page.items, cursor: page.nextCursor, settled: true, error: undefined });
      }
    },
    [key],
  );
  const refresh = usePolledFetch(fetch, settle, { pollMs });

  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    if (current.key !== key || !current.cursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchRef.current({ limit: pageSize, cursor: current.cursor });
      setState((last) => {
        if (last.key !== key) return last;
        const seen = new Set(last.items.map((item) => item.id));
        return {
          ...last,
          items: [...last.items, ...page.items.filter((item) => !seen.has(item.id))],
          cursor: page.nextCursor,
          error: undefined,
        };
      });
    } catch (error) {
      setState((last) => ({ ...last, error }));
    } finally {
      setLoadingMore(false);
    }
  }, [key, pageSize]);

  const replace = useCallback((item: T) => {
    setState((last) => ({ ...last, items: last.items.map((entry) => (entry.id === item.id ? item : entry)) }));
  }, []);

  const current = state.key === key;
  return {
    items: current ? state.items : [],
    hasMore: current && state.cursor !== null,
    loading: !current || !state.settled,
    loadingMore,
    error: current ? state.error : undefined,
    loadMore,
    reload: refresh,
    replace,
  };
}
