import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import type { User } from '../api/types.ts';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous'; readonly expired: boolean }
  | { readonly status: 'authenticated'; readonly user: User }
  | { readonly status: 'unreachable'; readonly error: unknown };

export interface SessionContextValue {
  readonly state: SessionState;
  readonly login: (email: string, password: string) => Promise<void>;
  readonly logout: () => Promise<void>;
  readonly retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Who is signed in. Asks `GET /auth/me` once; any 401 from any call afterwards ends the session
 * (the app then shows the login page with a "session expired" note).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.auth.me(controller.signal).then(
      (session) => setState(session ? { status: 'authenticated', user: session.user } : { status: 'anonymous', expired: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'unreachable', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      api.onUnauthorized(() =>
        setState((current) => ({ status: 'anonymous', expired: current.status === 'authenticated' })),
      ),
    [],
  );

  const login = useCallback(async (email: string, password: string) => {
    const session = await api.auth.login(email, password);
    setState({ status: 'authenticated', user: session.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  const value = useMemo(() => ({ state, login, logout, retry }), [state, login, logout, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}

/** The signed-in user; only for components rendered inside the authenticated shell. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useUser() outside an authenticated session');
  return state.user;
}
