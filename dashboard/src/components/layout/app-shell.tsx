import type { ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { canManage, isInstanceOwner } from '../../auth/permissions.ts';
import { useSession, useUser } from '../../auth/session.tsx';
import { Link } from '../../router/link.tsx';
import { ActivityIcon, HomeIcon, KeyIcon, LogOutIcon, ScrollTextIcon, UsersIcon, WebhookIcon, ZapIcon } from '../icons.tsx';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: ReactNode;
  /** Path prefix that marks the item current. */
  readonly match: string;
  /** Shown only to these users; the server enforces the same rule. */
  readonly visible?: (user: User) => boolean;
}

const nav: readonly NavItem[] = [
  { to: '/', label: 'Overview', icon: <HomeIcon className="size-4" />, match: '/' },
  { to: '/webhooks', label: 'Webhooks', icon: <WebhookIcon className="size-4" />, match: '/webhooks' },
  { to: '/deliveries', label: 'Deliveries', icon: <ActivityIcon className="size-4" />, match: '/deliveries' },
  { to: '/events', label: 'Events', icon: <ZapIcon className="size-4" />, match: '/events' },
  { to: '/api-keys', label: 'API keys', icon: <KeyIcon className="size-4" />, match: '/api-keys' },
];

/** Administration: the audit log for admins and owners, users for the instance owner. */
const adminNav: readonly NavItem[] = [
  { to: '/audit', label: 'Audit log', icon: <ScrollTextIcon className="size-4" />, match: '/audit', visible: (user) => canManage(user) },
  { to: '/users', label: 'Users', icon: <UsersIcon className="size-4" />, match: '/users', visible: isInstanceOwner },
];

function isCurrent(item: NavItem, path: string): boolean {
  return item.match === '/' ? path === '/' : path === item.match || path.startsWith(`${item.match}/`);
}

export function Logo({ className = '' }: { className?: string }) {
  return (
    <div className={`flex items-center gap-2.5 ${className}`}>
      <span className="flex size-8 items-center justify-center rounded-lg bg-indigo-500 text-white shadow-sm">
        <WebhookIcon className="size-[18px]" />
      </span>
      <span className="text-[15px] font-semibold tracking-tight">Event Hub</span>
    </div>
  );
}

function NavLink({ item, current }: { item: NavItem; current: boolean }) {
  return (
    <Link
      to={item.to}
      aria-current={current ? 'page' : undefined}
      className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors ${
        current ? 'bg-slate-800 text-white' : 'text-slate-400 hover:bg-slate-800/60 hover:text-white'
      }`}
    >
      <span className={current ? 'text-indigo-400' : ''}>{item.icon}</span>
      {item.label}
    </Link>
  );
}

export function AppShell({ path, children }: { path: string; children: ReactNode }) {
  const user = useUser();
  const admin = adminNav.filter((item) => item.visible?.(user) ?? true);
  const { logout } = useSession();
  const initials = (user.name || user.email).slice(0, 1).toUpperCase();
  const role = user.memberships.find((membership) => membership.communityId === '*')?.role ?? user.memberships[0]?.role;

  return (
    <div className="flex min-h-full">
      <aside className="fixed inset-y-0 left-0 z-30 flex w-64 flex-col bg-slate-900 text-slate-300">
        <Logo className="h-16 px-5 text-white" />
        <nav className="flex-1 space-y-0.5 px-3 py-2" aria-label="Main">
          {nav.map((item) => (
            <NavLink key={item.to} item={item} current={isCurrent(item, path)} />
          ))}
          {admin.length > 0 && (
            <>
              <p className="px-3 pt-5 pb-1.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase">Administration</p>
              {admin.map((item) => (
                <NavLink key={item.to} item={item} current={isCurrent(item, path)} />
              ))}
            </>
          )}
        </nav>
        <div className="border-t border-slate-800 p-3">
          <div className="flex items-center gap-3 rounded-md px-2 py-2">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-700 text-sm font-semibold text-white">{initials}</span>
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-white" title={role ? `Role: ${role}` : undefined}>
                {user.name || user.email}
              </p>
              <p className="truncate text-xs text-slate-400" data-testid="current-user" title={user.email}>
                {user.email}
              </p>
            </div>
            <button
              type="button"
              onClick={() => void logout()}
              className="rounded-md p-1.5 text-slate-400 hover:bg-slate-800 hover:text-white"
              aria-label="Log out"
              title="Log out"
            >
              <LogOutIcon className="size-4" />
            </button>
          </div>
        </div>
      </aside>
      <main className="min-w-0 flex-1 pl-64">
        <div className="mx-auto max-w-7xl px-8 py-8">{children}</div>
      </main>
    </div>
  );
}
