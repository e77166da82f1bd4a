import { useEffect, type ReactNode } from 'react';
import { CatalogProvider } from './auth/catalog.tsx';
import { useSession } from './auth/session.tsx';
import { Button } from './components/button.tsx';
import { ErrorBanner } from './components/feedback.tsx';
import { SpinnerIcon } from './components/icons.tsx';
import { AppShell } from './components/layout/app-shell.tsx';
import { ApiKeysPage } from './pages/api-keys/api-keys-page.tsx';
import { AuditPage } from './pages/audit/audit-page.tsx';
import { DeliveriesPage } from './pages/deliveries/deliveries-page.tsx';
import { EventsPage } from './pages/events/events-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OverviewPage } from './pages/overview-page.tsx';
import { UsersPage } from './pages/users/users-page.tsx';
import { EditWebhookPage, NewWebhookPage } from './pages/webhooks/webhook-editor-page.tsx';
import { WebhooksPage } from './pages/webhooks/webhooks-page.tsx';
import { href, matchRoute, navigate, useLocation, type Location } from './router/hash-router.ts';

const titles: readonly [string, string][] = [
  ['/webhooks', 'Webhooks'],
  ['/deliveries', 'Deliveries'],
  ['/events', 'Events'],
  ['/api-keys', 'API keys'],
  ['/audit', 'Audit log'],
  ['/users', 'Users'],
  ['/login', 'Sign in'],
];

function renderRoute(location: Location): ReactNode {
  const { path } = location;
  if (path === '/') return <OverviewPage />;
  if (path === '/webhooks') return <WebhooksPage location={location} />;
  if (path === '/webhooks/new') return <NewWebhookPage />;
  const webhook = matchRoute('/webhooks/:id', path);
  if (webhook?.['id']) return <EditWebhookPage key={webhook['id']} id={webhook['id']} />;
  if (path === '/deliveries') return <DeliveriesPage location={location} />;
  if (path === '/events') return <EventsPage location={location} />;
  if (path === '/api-keys') return <ApiKeysPage />;
  if (path === '/audit') return <AuditPage location={location} />;
  if (path === '/users') return <UsersPage />;
  return <NotFoundPage />;
}

function FullPage({ children }: { children: ReactNode }) {
  return <div className="flex min-h-full items-center justify-center bg-slate-50 p-6">{children}</div>;
}

/** Session gate and routes: anonymous people see the login page and come back where they were. */
export function App() {
  const location = useLocation();
  const { state, retry } = useSession();
  const onLogin = location.path === '/login';

  useEffect(() => {
    const section = titles.find(([prefix]) => location.path.startsWith(prefix))?.[1] ?? 'Overview';
    document.title = `${section} · Event Hub`;
  }, [location.path]);

  useEffect(() => {
    if (state.status === 'anonymous' && !onLogin) {
      const next = `${location.path}${location.query.size > 0 ? `?${location.query.toString()}` : ''}`;
      navigate(href('/login', { next: next === '/' ? undefined : next, expired: state.expired ? '1' : undefined }), { replace: true });
    }
    if (state.status === 'authenticated' && onLogin) navigate(location.query.get('next') ?? '/', { replace: true });
  }, [state, onLogin, location]);

  switch (state.status) {
    case 'loading':
      return (
        <FullPage>
          <SpinnerIcon className="size-6 text-indigo-600" aria-label="Loading" />
        </FullPage>
      );
    case 'unreachable':
      return (
        <FullPage>
          <div className="w-full max-w-md space-y-4">
            <ErrorBanner error={state.error} title="Cannot reach the hub" action={<Button size="sm" onClick={retry}>Retry</Button>} />
          </div>
        </FullPage>
      );
    case 'anonymous':
      return <LoginPage expired={state.expired || location.query.get('expired') === '1'} />;
    case 'authenticated':
      if (onLogin) return null;
      return (
        <CatalogProvider>
          <AppShell path={location.path}>{renderRoute(location)}</AppShell>
        </CatalogProvider>
      );
  }
}
