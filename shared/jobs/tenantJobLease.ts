import { ACTIVE_STATUSES, type OrchestrationClient } from '../api/orchestrationClient';
import type { Services } from '../config/services';
import type {
  HolderCheck,
  LeaseKind,
  LeaseOutcome,
  LeaseRequest,
  StoredTenantLease,
} from '../state/tenantLease';
import { sameJob } from './jobMonitor';

/**
 * Between taking a lease and `startNew` the holder's orchestration does not exist yet; a starter
 * that died in that gap frees the tenant after this long.
 */
export const START_GRACE_MS = 2 * 60_000;

/**
 * A lease holder is at work while its orchestration runs that job. Jobs release their lease when
 * they record their end; this check frees a tenant whose job crashed (orchestration Failed or
 * Terminated) without doing so.
 */
export function orchestrationHolderCheck(client: OrchestrationClient, now: Date): HolderCheck {
  return async (lease) => {
    const status = await client.getStatus(lease.instanceId);
    if (status && sameJob(status.input, lease.jobId))
      return ACTIVE_STATUSES.has(status.runtimeStatus);
    return now.getTime() - Date.parse(lease.acquiredAt) < START_GRACE_MS;
  };
}

/** Takes the tenant's lease of one job kind for a job about to start, or names its holder. */
export function claimTenantJob(
  services: Services,
  client: OrchestrationClient,
  request: LeaseRequest,
  now: Date,
): Promise<LeaseOutcome> {
  return services.leases.acquire(request, orchestrationHolderCheck(client, now), now);
}

/** The job holding the tenant's lease of `kind` and still at work, if any. */
export async function liveLeaseHolder(
  services: Services,
  client: OrchestrationClient,
  tenantId: string,
  kind: LeaseKind,
  now: Date,
): Promise<StoredTenantLease | undefined> {
  const lease = await services.leases.get(tenantId, kind);
  if (!lease || Date.parse(lease.expiresAt) <= now.getTime()) return undefined;
  return (await orchestrationHolderCheck(client, now)(lease)) ? lease : undefined;
}
