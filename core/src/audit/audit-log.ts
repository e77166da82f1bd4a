import type { Principal } from '../auth/principal.ts';
import { actorOf } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import type { AuditRepository } from '../store/ports.ts';

export interface AuditRecord {
  readonly communityId: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  /** What changed; callers pass field names for secrets, never values. */
  readonly details?: Record<string, unknown>;
}

/** Writes who changed what; every mutating service calls it after a successful write. */
export class AuditLog {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal | 'system', record: AuditRecord): Promise<void> {
    const actor = principal === 'system' ? { actorType: 'system' as const, actorId: 'hub' } : actorOf(principal);
    await this.repository.append({
      id: newId('aud'),
      at: this.clock.now().toISOString(),
      communityId: record.communityId,
      ...actor,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      details: record.details ?? {},
    });
  }
}
