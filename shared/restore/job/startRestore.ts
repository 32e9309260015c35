import { ACTIVE_STATUSES, type OrchestrationClient } from '../../api/orchestrationClient';
import { ApiError, badRequest, conflict, notFound } from '../../api/errors';
import { isModuleId } from '../../modules';
import type { Services } from '../../config/services';
import { newJobId } from '../../state/jobRepository';
import { claimTenantJob, liveLeaseHolder } from '../../jobs/tenantJobLease';
import { uploadExists } from '../source/uploads';
import { orchestrationContract } from '../../durable/orchestration';
import { isInstanceAlreadyRunning, startOrchestration } from '../../durable/startOrchestration';
import {
  RESTORE_DECISION_EVENT,
  type RestoreJobInput,
  type RestoreOutcome,
  restoreJobInputSchema,
} from './restoreJob';
import type { RestoreRequest } from '../restoreTypes';

/** The restore orchestration's name and input (its orchestrator is functions/orchestrators/restoreOrchestrator). */
export const restoreOrchestration = orchestrationContract<
  typeof restoreJobInputSchema,
  RestoreOutcome
>('restoreOrchestrator', restoreJobInputSchema);
export const DEFAULT_PLAN_EXPIRY_HOURS = 24;

export function restoreInstanceId(restoreId: string): string {
  return `restore-${restoreId}`;
}

/** Restore ids carry their tenant so `GET /api/restores/{id}` needs nothing else to find the job. */
export function newRestoreId(tenantId: string, now: Date): string {
  return `${tenantId}.${newJobId(now)}`;
}

export function parseRestoreId(restoreId: string): { tenantId: string; jobId: string } {
  const match = /^([0-9a-f-]{36})\.(\d{8}T\d{9}Z-[0-9a-z]+)$/i.exec(restoreId);
  if (!match) throw badRequest('restoreId is malformed.', { restoreId }, 'invalidRestoreId');
  return { tenantId: match[1].toLowerCase(), jobId: match[2] };
}

/**
 * A restore holds the tenant's restore lease for its confirmation window plus this long for
 * drift check, apply and verify; it gives it back when it finishes (any outcome), and a crashed
 * one loses it at once.
 */
export const RESTORE_APPLY_ALLOWANCE_HOURS = 24;

export function restoreAlreadyActive(tenantId: string, activeJobId: string): ApiError {
  const activeRestoreId = `${tenantId}.${activeJobId}`;
  return new ApiError(
    409,
    'restoreAlreadyActive',
    `Restore ${activeRestoreId} of this tenant is still active; confirm, cancel or wait for it first.`,
    { details: { activeRestoreId } },
  );
}

export interface StartRestoreRequest {
  tenantId: string;
  request: Omit<RestoreRequest, 'tenantId'>;
  dryRun: boolean;
  expiresInHours?: number;
  requestedBy: string;
}

/**
 * Validates and starts a restore: tenant registered, source present (snapshot or upload, 404
 * before anything is written), modules known, no other restore of the tenant active and no
 * backup of it running (409). Takes the restore lease, writes the job row, then starts the
 * orchestration; nothing is left behind when a step fails.
 */
export async function startRestore(
  services: Services,
  client: OrchestrationClient,
  start: StartRestoreRequest,
  now: Date = new Date(),
): Promise<{ restoreId: string; instanceId: string }> {
  const tenantId = start.tenantId.toLowerCase();
  if (!(await services.tenants.get(tenantId))) {
    throw notFound(`Tenant ${tenantId} is not registered.`, { tenantId });
  }
  const source = start.request.source;
  if (source.kind === 'snapshot') {
    const manifest = await services.store.readManifest(tenantId, source.snapshotId);
    if (!manifest)
      throw notFound(`Snapshot ${source.snapshotId} of tenant ${tenantId} was not found.`);
  } else if (
    !source.uploadBlob.startsWith(`tenants/${tenantId}/uploads/`) ||
    !(await uploadExists(services.store, source.uploadBlob))
  ) {
    throw new ApiError(404, 'uploadNotFound', `The upload was not found for tenant ${tenantId}.`);
  }
  const unknown = (start.request.selection.modules ?? []).filter((m) => !isModuleId(m));
  if (unknown.length > 0) {
    throw badRequest(
      `Unknown module(s): ${unknown.join(', ')}.`,
      { unknownModules: unknown },
      'unknownModule',
    );
  }
  const restoreId = newRestoreId(tenantId, now);
  const { jobId } = parseRestoreId(restoreId);
  const instanceId = restoreInstanceId(restoreId);
  const expiresInHours = start.expiresInHours ?? DEFAULT_PLAN_EXPIRY_HOURS;
  const input: RestoreJobInput = {
    tenantId,
    restoreId,
    request: { ...start.request, tenantId },
    dryRun: start.dryRun,
    expiresInHours,
    requestedBy: start.requestedBy,
  };
  // One active restore per tenant: of simultaneous starts exactly one takes the lease.
  const claim = await claimTenantJob(
    services,
    client,
    {
      tenantId,
      kind: 'restore',
      jobId,
      instanceId,
      ttlMs: (expiresInHours + RESTORE_APPLY_ALLOWANCE_HOURS) * 3600_000,
    },
    now,
  );
  if (!claim.acquired) throw restoreAlreadyActive(tenantId, claim.holder.jobId);
  let created = false;
  try {
    // Checked with the restore lease held: a backup that starts after this may read a tenant
    // while it is restored, and the next backup reads it whole; a restore never plans against
    // a tenant a backup is still reading.
    const backup = await liveLeaseHolder(services, client, tenantId, 'backup', now);
    if (backup) {
      throw new ApiError(
        409,
        'backupRunning',
        `A backup of tenant ${tenantId} is running (job ${backup.jobId}); start the restore when it has finished.`,
        { details: { runningJobId: backup.jobId } },
      );
    }
    await services.jobs.create({
      tenantId,
      jobId,
      type: 'restore',
      status: 'queued',
      requestedBy: start.requestedBy,
      startedAt: now.toISOString(),
      snapshotId: source.kind === 'snapshot' ? source.snapshotId : undefined,
      instanceId,
    });
    created = true;
    await startOrchestration(client, restoreOrchestration, { instanceId, input });
  } catch (error) {
    if (created) await services.jobs.delete(tenantId, jobId);
    await services.leases.release(tenantId, 'restore', jobId);
    if (isInstanceAlreadyRunning(error)) throw restoreAlreadyActive(tenantId, jobId);
    throw error;
  }
  await services.audit.record({
    tenantId,
    actor: start.requestedBy,
    action: start.dryRun ? 'restore.dryRunStarted' : 'restore.started',
    target: restoreId,
    outcome: 'accepted',
    details: {
      source,
      selection: start.request.selection,
      relationshipMode: start.request.relationshipMode,
    },
  });
  return { restoreId, instanceId };
}

/**
 * Confirms the exact plan a person saw: a different hash is refused (409), nothing applied. The
 * job row says when a plan awaits confirmation (the planning activity writes it with the hash);
 * the orchestration buffers the event and checks the hash again.
 */
export async function decideRestore(
  services: Services,
  client: OrchestrationClient,
  restoreId: string,
  decision:
    | { action: 'confirm'; planHash: string; by: string }
    | { action: 'cancel'; by: string; reason?: string },
): Promise<void> {
  const { tenantId, jobId } = parseRestoreId(restoreId);
  const job = await services.jobs.get(tenantId, jobId);
  const status = await client.getStatus(restoreInstanceId(restoreId));
  if (!job || job.type !== 'restore' || !status)
    throw notFound(`Restore ${restoreId} was not found.`);
  if (job.status !== 'awaitingConfirmation' || !ACTIVE_STATUSES.has(status.runtimeStatus)) {
    throw conflict(`Restore ${restoreId} is not awaiting confirmation (it is ${job.status}).`, {
      status: job.status,
    });
  }
  const planHash = (job.progress as { planHash?: string } | undefined)?.planHash;
  if (decision.action === 'confirm' && decision.planHash !== planHash) {
    throw conflict(
      'The plan hash does not match the plan awaiting confirmation: review the current plan.',
      { expectedPlanHash: planHash },
    );
  }
  await client.raiseEvent(restoreInstanceId(restoreId), RESTORE_DECISION_EVENT, decision);
}
