import { useCallback, useEffect, useRef, useState } from 'react';

/** List pages refresh this often while visible (a later change may switch to server-sent events). */
export const POLL_INTERVAL_MS = 3000;

export interface ResourceState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  /** True until the first answer for the current key. */
  readonly loading: boolean;
  readonly reload: () => Promise<void>;
}

export interface ResourceOptions {
  /** Refresh interval; off when undefined. Paused while the tab is hidden. */
  readonly pollMs?: number;
  /** Skip loading (e.g. until an id is known). @defaultValue true */
  readonly enabled?: boolean;
}

/**
 * Load something from the API, again whenever `key` changes, and every `pollMs` if asked.
 * Polls never overlap; a failed poll keeps the last data and exposes the error.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  options: ResourceOptions = {},
): ResourceState<T> {
  const { pollMs, enabled = true } = options;
  const [state, setState] = useState<{ key: string; data: T | undefined; error: unknown; settled: boolean }>({
    key,
    data: undefined,
    error: undefined,
    settled: false,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const controllerRef = useRef<AbortController | null>(null);

  const run = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    try {
      const data = await loadRef.current(controller.signal);
      if (!controller.signal.aborted) setState({ key, data, error: undefined, settled: true });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, error, settled: true }));
    }
  }, [key]);

  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      if (typeof document === 'undefined' || !document.hidden) await run();
      if (!stopped && pollMs) timer = setTimeout(() => void tick(), pollMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controllerRef.current?.abort();
    };
  }, [run, pollMs, enabled]);

  const current = state.key === key;
  return {
    data: state.data,
    error: current ? state.error : undefined,
    loading: enabled && (!current || !state.settled) && state.data === undefined,
    reload: run,
  };
}
