import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Community, Page, PageRequest, Store } from '../store/ports.ts';
import { requireInstanceOwner } from './authorize.ts';
import { visibleCommunityIds, type Principal } from './principal.ts';

/** Communities: everyone lists what they can see; only instance owners change them. */
export class CommunityService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, page: PageRequest): Promise<Page<Community>> {
    const visible = visibleCommunityIds(principal);
    return this.store.communities.list(visible === undefined ? {} : { communityIds: visible }, page);
  }

  async create(principal: Principal, input: { id: string; name: string }): Promise<Community> {
    requireInstanceOwner(principal);
    if (await this.store.communities.get(input.id)) throw new ConflictError(`community '${input.id}' exists`);
    const now = this.clock.now().toISOString();
    const community = await this.store.communities.create({ id: input.id, name: input.name, createdAt: now, updatedAt: now });
    await this.audit.record(principal, { communityId: community.id, action: 'community.created', targetType: 'community', targetId: community.id, details: { name: community.name } });
    return community;
  }

  async update(principal: Principal, id: string, input: { name: string }): Promise<Community> {
    requireInstanceOwner(principal);
    const updated = await this.store.communities.update(id, { name: input.name, updatedAt: this.clock.now().toISOString() });
    if (!updated) throw new NotFoundError('community', id);
    await this.audit.record(principal, { communityId: id, action: 'community.updated', targetType: 'community', targetId: id, details: { name: input.name } });
    return updated;
  }

  async delete(principal: Principal, id: string): Promise<void> {
    requireInstanceOwner(principal);
    if (!(await this.store.communities.get(id))) throw new NotFoundError('community', id);
    const webhooks = await this.store.webhooks.list({ communityIds: [id] }, { limit: 1 });
    if (webhooks.items.length > 0) throw new ConflictError(`community '${id}' still has webhooks; delete them first`);
    await this.store.communities.delete(id);
    await this.audit.record(principal, { communityId: id, action: 'community.deleted', targetType: 'community', targetId: id });
  }
}
