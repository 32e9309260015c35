import { ACTIVE_STATUSES, type OrchestrationClient } from '../api/orchestrationClient';
import { badRequest, conflict, notFound } from '../api/errors';
import { isModuleId } from '../modules';
import type { Services } from '../config/services';
import { newSnapshotId } from '../snapshots/snapshotId';
import { newJobId } from '../state/jobRepository';
import { orchestrationContract } from '../durable/orchestration';
import { startOrchestration } from '../durable/startOrchestration';
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
 * Validates and starts a backup: the tenant must be registered, modules must exist, and no other
 * backup of the tenant may be running (409 names it). Writes the job row, then starts the
 * orchestration. Nothing is written when validation fails.
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
  const running = await client.getStatus(instanceId);
  if (running && ACTIVE_STATUSES.has(running.runtimeStatus)) {
    const runningJob = (running.input as Partial<BackupJobInput> | undefined)?.jobId;
    throw conflict(
      `A backup of tenant ${request.tenantId} is already running (job ${runningJob}).`,
      {
        runningJobId: runningJob,
        instanceId,
      },
    );
  }
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
  await startOrchestration(client, backupOrchestration, { instanceId, input });
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
