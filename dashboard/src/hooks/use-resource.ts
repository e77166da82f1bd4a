import { useCallback, useRef, useState } from 'react';
import { usePolledFetch, type FetchOutcome, type PollOptions } from './use-polled-fetch.ts';

/** List pages refresh this often while visible (a later change may switch to server-sent events). */
export const POLL_INTERVAL_MS = 3000;

export interface ResourceState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  /** True until the first answer for the current key. */
  readonly loading: boolean;
  readonly reload: () => Promise<void>;
}

export type ResourceOptions = PollOptions;

/**
 * Load something from the API, again whenever `key` changes, and every `pollMs` if asked.
 * Polls never overlap; a failed poll keeps the last data and exposes the error.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  options: ResourceOptions = {},
): ResourceState<T> {
  const { enabled = true } = options;
  const [state, setState] = useState<{ key: string; data: T | undefined; error: unknown; settled: boolean }>({
    key,
    data: undefined,
    error: undefined,
    settled: false,
  });
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetch = useCallback((signal: AbortSignal) => loadRef.current(signal), []);
  const settle = useCallback(
    (outcome: FetchOutcome<T>) => {
      if (outcome.ok) setState({ key, data: outcome.value, error: undefined, settled: true });
      else setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, error: outcome.error, settled: true }));
    },
    [key],
  );
  // `settle` changes with the key, so a new key loads again.
  const reload = usePolledFetch(fetch, settle, options);

  const current = state.key === key;
  return {
    data: state.data,
    error: current ? state.error : undefined,
    loading: enabled && (!current || !state.settled) && state.data === undefined,
    reload,
  };
}
