import { useCallback, useEffect, useRef } from 'react';

/** What a fetch came to: its value, or the error it threw. */
export type FetchOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface PollOptions {
  /** Refresh interval; off when undefined. Paused while the tab is hidden. */
  readonly pollMs?: number;
  /** Skip loading (e.g. until an id is known). @defaultValue true */
  readonly enabled?: boolean;
}

/**
 * The fetch core of the data hooks: run `fetch` now, every `pollMs` while the tab is visible, and
 * whenever the returned function is called. A new run aborts the one before it, polls never overlap,
 * and only a run that was not aborted reaches `settle`. Pass memoized `fetch` and `settle`: a new
 * identity starts over.
 */
export function usePolledFetch<T>(
  fetch: (signal: AbortSignal) => Promise<T>,
  settle: (outcome: FetchOutcome<T>) => void,
  { pollMs, enabled = true }: PollOptions,
): () => Promise<void> {
  const controllerRef = useRef<AbortController | null>(null);

  const run = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    let outcome: FetchOutcome<T>;
    try {
      outcome = { ok: true, value: await fetch(controller.signal) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (!controller.signal.aborted) settle(outcome);
  }, [fetch, settle]);

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

  return run;
}
