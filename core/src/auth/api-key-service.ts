import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { generateApiKey, hashApiKey } from '../security/api-key-token.ts';
import type { ApiKey, ApiKeyScope, Page, PageRequest, Store } from '../store/ports.ts';
import { authorize, communitiesWith, requireUser } from './authorize.ts';
import type { Principal } from './principal.ts';

const TOUCH_INTERVAL_MS = 60_000;

/** An API key as listed: never the key or its hash. */
export type ApiKeyView = Omit<ApiKey, 'keyHash'>;

export function toApiKeyView({ keyHash: _hash, ...rest }: ApiKey): ApiKeyView {
  return rest;
}

/** Issuing, listing, revoking and checking API keys. A key is shown once and stored hashed. */
export class ApiKeyService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: { name: string; communityId: string; scopes: readonly ApiKeyScope[] }): Promise<{ apiKey: ApiKey; key: string }> {
    requireUser(principal);
    authorize(principal, 'manage', input.communityId);
    if (!(await this.store.communities.get(input.communityId))) {
      throw new ValidationError(`community '${input.communityId}' does not exist`, [{ path: 'communityId', message: 'unknown community' }]);
    }
    const { key, prefix, hash } = generateApiKey();
    const apiKey = await this.store.apiKeys.create({
      id: newId('key'),
      name: input.name,
      communityId: input.communityId,
      scopes: [...new Set(input.scopes)],
      prefix,
      keyHash: hash,
      createdBy: principal.user.id,
      createdAt: this.clock.now().toISOString(),
      lastUsedAt: null,
    });
    await this.audit.record(principal, { communityId: apiKey.communityId, action: 'apiKey.created', targetType: 'apiKey', targetId: apiKey.id, details: { name: apiKey.name, scopes: apiKey.scopes } });
    return { apiKey, key };
  }

  async list(principal: Principal, page: PageRequest): Promise<Page<ApiKey>> {
    requireUser(principal);
    const manageable = communitiesWith(principal, 'manage');
    return this.store.apiKeys.list(manageable === undefined ? {} : { communityIds: manageable }, page);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    requireUser(principal);
    const apiKey = await this.store.apiKeys.get(id);
    if (!apiKey) throw new NotFoundError('API key', id);
    authorize(principal, 'manage', apiKey.communityId, { what: 'API key', id });
    await this.store.apiKeys.delete(id);
    await this.audit.record(principal, { communityId: apiKey.communityId, action: 'apiKey.revoked', targetType: 'apiKey', targetId: id, details: { name: apiKey.name } });
  }

  /** The key behind a bearer token, or null. Records when it was last used. */
  async authenticate(token: string): Promise<ApiKey | null> {
    if (!token.startsWith('hub_')) return null;
    const apiKey = await this.store.apiKeys.getByHash(hashApiKey(token));
    if (!apiKey) return null;
    // A write per request would cost a disk sync on every publish; a minute's precision is enough.
    const now = this.clock.now();
    if (apiKey.lastUsedAt === null || now.getTime() - Date.parse(apiKey.lastUsedAt) > TOUCH_INTERVAL_MS) {
      await this.store.apiKeys.touch(apiKey.id, now.toISOString());
    }
    return apiKey;
  }
}
