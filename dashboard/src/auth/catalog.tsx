import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import type { Community, EventType, Plugin } from '../api/types.ts';
import { useResource } from '../hooks/use-resource.ts';
import { useUser } from './session.tsx';

/**
 * Reference data every page needs and that rarely changes: communities, connector plugins and the
 * event catalog, loaded once per session.
 */
export interface Catalog {
  readonly communities: readonly Community[];
  readonly plugins: readonly Plugin[];
  readonly sinks: readonly Plugin[];
  readonly eventTypes: readonly EventType[];
  readonly loading: boolean;
  readonly error: unknown;
  readonly communityName: (id: string) => string;
  readonly plugin: (id: string) => Plugin | undefined;
  readonly reload: () => void;
}

const CatalogContext = createContext<Catalog | null>(null);

export function CatalogProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const communities = useResource('communities', (signal) => api.communities.list(signal));
  const plugins = useResource('plugins', (signal) => api.plugins.list(signal));
  const eventTypes = useResource('event-types', (signal) => api.eventTypes.list(signal));

  const value = useMemo<Catalog>(() => {
    // Without the communities endpoint, fall back to the ids the user is a member of.
    const listed = communities.data?.items;
    const fromMemberships = user.memberships
      .filter((membership) => membership.communityId !== '*')
      .map((membership) => ({ id: membership.communityId, name: membership.communityId, createdAt: '' }));
    const communityList = listed ?? (communities.error ? fromMemberships : []);
    const pluginList = plugins.data?.items ?? [];
    const byId = new Map(communityList.map((community) => [community.id, community.name]));
    return {
      communities: communityList,
      plugins: pluginList,
      sinks: pluginList.filter((plugin) => plugin.kind === 'sink'),
      eventTypes: eventTypes.data?.items ?? [],
      loading: communities.loading || plugins.loading || eventTypes.loading,
      error: plugins.error ?? eventTypes.error,
      communityName: (id) => byId.get(id) ?? id,
      plugin: (id) => pluginList.find((plugin) => plugin.id === id),
      reload: () => {
        void communities.reload();
        void plugins.reload();
        void eventTypes.reload();
      },
    };
  }, [communities, plugins, eventTypes, user.memberships]);

  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): Catalog {
  const catalog = useContext(CatalogContext);
  if (!catalog) throw new Error('useCatalog() needs a <CatalogProvider> above it');
  return catalog;
}
