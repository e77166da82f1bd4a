import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.ts';

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
  const [state, setState] = useState<{ key: string; items: readonly T[]; cursor: string | null; settled: boolean; error: unknown }>(
    { key, items: [], cursor: null, settled: false, error: undefined },
  );
  const [loadingMore, setLoadingMore] = useState(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const stateRef = useRef(state);
  stateRef.current = state;
  const controllerRef = useRef<AbortController | null>(null);

  const refresh = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const previous = stateRef.current.key === key ? stateRef.current : null;
    const shown = previous?.items.length ?? 0;
    const limit = Math.min(MAX_REFRESH, Math.max(pageSize, shown));
    try {
      const page = await fetchRef.current({ limit, signal: controller.signal });
      if (controller.signal.aborted) return;
      if (previous && shown > MAX_REFRESH) {
        const head = new Set(page.items.map((item) => item.id));
        const tail = previous.items.slice(MAX_REFRESH).filter((item) => !head.has(item.id));
        setState({ key, items: [...page.items, ...tail], cursor: previous.cursor, settled: true, error: undefined });
      } else {
        setState({ key, items: page.items, cursor: page.nextCursor, settled: true, error: undefined });
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      setState((last) =>
        last.key === key ? { ...last, settled: true, error } : { key, items: [], cursor: null, settled: true, error },
      );
    }
  }, [key, pageSize]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      if (typeof document === 'undefined' || !document.hidden) await refresh();
      if (!stopped && pollMs) timer = setTimeout(() => void tick(), pollMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controllerRef.current?.abort();
    };
  }, [refresh, pollMs]);

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
