import { ACTIVE_STATUSES, type OrchestrationClient } from '../../api/orchestrationClient';
import { badRequest, conflict, notFound } from '../../api/errors';
import { isModuleId } from '../../modules';
import type { Services } from '../../config/services';
import { newJobId, TERMINAL_JOB_STATUSES } from '../../state/jobRepository';
import { orchestrationContract } from '../../durable/orchestration';
import { startOrchestration } from '../../durable/startOrchestration';
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

export interface StartRestoreRequest {
  tenantId: string;
  request: Omit<RestoreRequest, 'tenantId'>;
  dryRun: boolean;
  expiresInHours?: number;
  requestedBy: string;
}

/**
 * Validates and starts a restore: tenant registered, source present, modules known, no other
 * restore of the tenant in flight. Writes the job row, then starts the orchestration.
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
  }
  const unknown = (start.request.selection.modules ?? []).filter((m) => !isModuleId(m));
  if (unknown.length > 0) {
    throw badRequest(
      `Unknown module(s): ${unknown.join(', ')}.`,
      { unknownModules: unknown },
      'unknownModule',
    );
  }
  const active = (await services.jobs.list(tenantId, { type: 'restore', limit: 20 })).find(
    (job) => !TERMINAL_JOB_STATUSES.has(job.status),
  );
  if (active) {
    const status = await client.getStatus(active.instanceId);
    if (status && ACTIVE_STATUSES.has(status.runtimeStatus)) {
      throw conflict(`Restore ${tenantId}.${active.jobId} of this tenant is still in progress.`, {
        runningRestoreId: `${tenantId}.${active.jobId}`,
      });
    }
  }
  const restoreId = newRestoreId(tenantId, now);
  const { jobId } = parseRestoreId(restoreId);
  const instanceId = restoreInstanceId(restoreId);
  const input: RestoreJobInput = {
    tenantId,
    restoreId,
    request: { ...start.request, tenantId },
    dryRun: start.dryRun,
    expiresInHours: start.expiresInHours ?? DEFAULT_PLAN_EXPIRY_HOURS,
    requestedBy: start.requestedBy,
  };
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
  await startOrchestration(client, restoreOrchestration, { instanceId, input });
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
