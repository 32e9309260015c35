import type { OrchestrationClient } from '../api/orchestrationClient';
import { ApiError, badRequest, notFound } from '../api/errors';
import { isModuleId } from '../modules';
import type { Services } from '../config/services';
import { newSnapshotId } from '../snapshots/snapshotId';
import { newJobId } from '../state/jobRepository';
import { orchestrationContract } from '../durable/orchestration';
import { isInstanceAlreadyRunning, startOrchestration } from '../durable/startOrchestration';
import { claimTenantJob } from '../jobs/tenantJobLease';
import { type BackupJobInput, type BackupSummary, backupJobInputSchema } from './backupJobTypes';

/** The backup orchestration's name and input (its orchestrator is functions/orchestrators/backupOrchestrator). */
export const backupOrchestration = orchestrationContract<
  typeof backupJobInputSchema,
  BackupSummary
>('backupOrchestrator', backupJobInputSchema);

/** One running backup per tenant: the orchestration instance id is derived from the tenant. */
export function backupInstanceId(tenantId: string): string {
  return `backup-${tenantId}`;
}

export interface StartBackupRequest {
  tenantId: string;
  modules?: string[];
  full?: boolean;
  requestedBy: string;
}

export interface StartedBackup {
  tenantId: string;
  jobId: string;
  snapshotId: string;
  instanceId: string;
}

/**
 * A backup holds the tenant's backup lease this long at most; it gives it back when it commits,
 * and a crashed one loses it at once (shared/jobs/tenantJobLease.ts). Past this a start may take
 * the lease over; the singleton instance id still refuses it while the old backup runs.
 */
export const BACKUP_LEASE_TTL_MS = 24 * 3600_000;

export function backupAlreadyRunning(tenantId: string, runningJobId: string | undefined): ApiError {
  return new ApiError(
    409,
    'backupAlreadyRunning',
    `A backup of tenant ${tenantId} is already running (job ${runningJobId ?? 'unknown'}).`,
    { details: { runningJobId, instanceId: backupInstanceId(tenantId) } },
  );
}

/**
 * Validates and starts a backup: the tenant must be registered, modules must exist, and no other
 * backup of the tenant may be running (409 names it). Takes the tenant's backup lease, writes the
 * job row, then starts the orchestration. Nothing is left behind when any step fails.
 */
export async function startBackup(
  services: Services,
  client: OrchestrationClient,
  request: StartBackupRequest,
  now: Date = new Date(),
): Promise<StartedBackup> {
  const tenant = await services.tenants.get(request.tenantId);
  if (!tenant) {
    throw notFound(`Tenant ${request.tenantId} is not registered.`, { tenantId: request.tenantId });
  }
  const unknown = (request.modules ?? []).filter((id) => !isModuleId(id));
  if (unknown.length > 0) {
    throw badRequest(
      `Unknown module(s): ${unknown.join(', ')}.`,
      { unknownModules: unknown },
      'unknownModule',
    );
  }
  const instanceId = backupInstanceId(request.tenantId);
  const jobId = newJobId(now);
  // The snapshot shares the job's time and suffix, so the two are easy to match by eye.
  const snapshotId = newSnapshotId(now, jobId.split('-').pop());
  const input: BackupJobInput = {
    tenantId: request.tenantId,
    jobId,
    snapshotId,
    modules: request.modules,
    full: request.full ?? false,
    requestedBy: request.requestedBy,
  };
  // The lease first: of simultaneous starts exactly one gets past here, and no loser writes a row.
  const claim = await claimTenantJob(
    services,
    client,
    { tenantId: request.tenantId, kind: 'backup', jobId, instanceId, ttlMs: BACKUP_LEASE_TTL_MS },
    now,
  );
  if (!claim.acquired) throw backupAlreadyRunning(request.tenantId, claim.holder.jobId);
  let created = false;
  try {
    await services.jobs.create({
      tenantId: request.tenantId,
      jobId,
      type: 'backup',
      status: 'queued',
      requestedBy: request.requestedBy,
      startedAt: now.toISOString(),
      snapshotId,
      instanceId,
    });
    created = true;
    await startOrchestration(client, backupOrchestration, { instanceId, input });
  } catch (error) {
    // Only the row this start wrote, so no refused start leaves one behind.
    if (created) await services.jobs.delete(request.tenantId, jobId);
    await services.leases.release(request.tenantId, 'backup', jobId);
    // The last line: a backup the lease did not know of (it outlived its lease) still runs.
    if (isInstanceAlreadyRunning(error)) {
      const running = await client.getStatus(instanceId);
      throw backupAlreadyRunning(
        request.tenantId,
        (running?.input as Partial<BackupJobInput> | undefined)?.jobId,
      );
    }
    throw error;
  }
  await services.audit.record({
    tenantId: request.tenantId,
    actor: request.requestedBy,
    action: 'backup.started',
    target: jobId,
    outcome: 'accepted',
    details: { modules: request.modules ?? 'scope', full: input.full },
  });
  return { tenantId: request.tenantId, jobId, snapshotId, instanceId };
}
