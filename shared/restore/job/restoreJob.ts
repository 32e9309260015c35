import { z } from 'zod';
import type { Services } from '../../config/services';
import type { GraphApi } from '../../graph/graphApi';
import { planRestore } from '../plan/planner';
import { actionsFingerprint, touchedRequest } from '../plan/touchedSelection';
import { applyWaveSlice } from '../apply/applier';
import { verifyRestore } from '../apply/verifier';
import { loadPlan, loadTenantIdMap, mergeIntoTenantIdMap, savePlan } from './planStore';
import {
  restoreRequestSchema,
  type PlanAction,
  type PlanCounts,
  type RestorePlan,
  type RestoreRequest,
} from '../restoreTypes';

/** Restore ids are `{tenantId}.{jobId}`; the job row is keyed by the job id. */
function jobIdOf(restoreId: string): string {
  return restoreId.slice(restoreId.indexOf('.') + 1);
}

/** What starts a restore orchestration. */
export const restoreJobInputSchema = z.object({
  tenantId: z.uuid(),
  restoreId: z.string().min(1).max(80),
  request: restoreRequestSchema,
  dryRun: z.boolean(),
  expiresInHours: z
    .number()
    .min(0.01)
    .max(24 * 7),
  requestedBy: z.string().min(1).max(200),
});
export type RestoreJobInput = z.infer<typeof restoreJobInputSchema> & { request: RestoreRequest };

/** The event the orchestration waits for after planning. */
export const RESTORE_DECISION_EVENT = 'RestoreDecision';
export const restoreDecisionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('confirm'),
    planHash: z.string().regex(/^[0-9a-f]{64}$/),
    by: z.string(),
  }),
  z.object({ action: z.literal('cancel'), by: z.string(), reason: z.string().max(500).optional() }),
]);
export type RestoreDecision = z.infer<typeof restoreDecisionSchema>;

const count = z.number().int().nonnegative();
const planCountsSchema: z.ZodType<PlanCounts> = z.object({
  restoreDeleted: count,
  create: count,
  update: count,
  addLink: count,
  removeLink: count,
  createChild: count,
  deleteChild: count,
  putBinary: count,
  blocked: count,
  noop: count,
});

export const plannedRestoreSchema = z.object({
  planId: z.string().min(1),
  hash: z.string().min(1),
  counts: planCountsSchema,
  warnings: count,
  waves: z.array(z.object({ index: count, actions: count })),
});
export type PlannedRestore = z.infer<typeof plannedRestoreSchema>;

export interface RestoreSliceResult {
  succeeded: number;
  failed: number;
  skipped: number;
  failures: Array<{ actionId: string; error: string }>;
  nextCursor?: number;
}

const appliedSchema = z.object({ succeeded: count, failed: count, skipped: count });
const failureSchema = z.object({ actionId: z.string(), error: z.string() });

export const restoreOutcomeSchema = z.object({
  restoreId: z.string().min(1),
  tenantId: z.uuid(),
  status: z.enum(['succeeded', 'finishedWithExceptions', 'failed', 'cancelled']),
  dryRun: z.boolean(),
  plan: plannedRestoreSchema.optional(),
  applied: appliedSchema.optional(),
  failures: z.array(failureSchema).optional(),
  residual: count.optional(),
  reason: z.string().optional(),
});
export type RestoreOutcome = z.infer<typeof restoreOutcomeSchema>;

/** The orchestration's custom status. */
export interface RestoreProgress {
  phase: 'planning' | 'awaitingConfirmation' | 'checkingDrift' | 'applying' | 'verifying' | 'done';
  planHash?: string;
  counts?: PlanCounts;
  expiresAt?: string;
  total?: number;
  done?: number;
}

export interface RestoreDeps {
  services: Services;
  graph: GraphApi;
}

/** Plans against the live tenant (no writes), stores the plan blob, returns its summary. */
export async function planRestoreJob(
  deps: RestoreDeps,
  input: RestoreJobInput,
  now: Date,
): Promise<PlannedRestore> {
  const job = await deps.services.jobs.get(input.tenantId, jobIdOf(input.restoreId));
  if (job) await deps.services.jobs.update(job, { status: 'running' });
  const plan = await planRestore(
    { graph: deps.graph, store: deps.services.store },
    input.request,
    input.restoreId,
    now,
    { knownIds: await loadTenantIdMap(deps.services.store, input.tenantId) },
  );
  await savePlan(deps.services.store, plan);
  return {
    planId: plan.planId,
    hash: plan.hash,
    counts: plan.counts,
    warnings: plan.warnings.length,
    waves: plan.waves.map((w) => ({ index: w.index, actions: w.actions.length })),
  };
}

/**
 * Re-plans the objects the stored plan writes and returns the plan's hash when their actions are
 * unchanged, the re-plan's hash when not: a different hash means the tenant drifted since planning
 * where the confirmed plan would write.
 */
export async function replanHash(
  deps: RestoreDeps,
  input: RestoreJobInput,
  now: Date,
): Promise<string> {
  const stored = await loadPlan(deps.services.store, input.tenantId, input.restoreId);
  const plan = await planRestore(
    { graph: deps.graph, store: deps.services.store },
    touchedRequest(stored),
    `${input.restoreId}-drift`,
    now,
    { knownIds: await loadTenantIdMap(deps.services.store, input.tenantId) },
  );
  const actions = (p: RestorePlan): PlanAction[] => p.waves.flatMap((w) => w.actions);
  return actionsFingerprint(actions(plan)) === actionsFingerprint(actions(stored))
    ? stored.hash
    : plan.hash;
}

export async function applyRestoreSlice(
  deps: RestoreDeps,
  tenantId: string,
  planId: string,
  waveIndex: number,
  cursor: number,
  maxActions: number,
): Promise<RestoreSliceResult> {
  const { results, nextCursor } = await applyWaveSlice(
    { graph: deps.graph, store: deps.services.store },
    tenantId,
    planId,
    waveIndex,
    cursor,
    maxActions,
  );
  return {
    succeeded: results.filter((r) => r.outcome === 'succeeded').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    skipped: results.filter((r) => r.outcome === 'skipped').length,
    failures: results
      .filter((r) => r.outcome === 'failed')
      .map((r) => ({ actionId: r.actionId, error: (r.error ?? '').slice(0, 500) })),
    nextCursor,
  };
}

export async function verifyRestoreJob(
  deps: RestoreDeps,
  tenantId: string,
  planId: string,
): Promise<number> {
  const { residual } = await verifyRestore(
    { graph: deps.graph, store: deps.services.store },
    tenantId,
    planId,
  );
  return residual.length;
}

/** Marks the job as waiting for a decision (the API shows the plan meanwhile). */
export async function markAwaitingConfirmation(
  services: Services,
  tenantId: string,
  restoreId: string,
  plan: PlannedRestore,
): Promise<void> {
  const job = await services.jobs.get(tenantId, jobIdOf(restoreId));
  if (job) {
    await services.jobs.update(job, {
      status: 'awaitingConfirmation',
      progress: { planHash: plan.hash, counts: plan.counts },
    });
  }
}

export async function finishRestoreJob(
  services: Services,
  outcome: RestoreOutcome,
  finishedAt: string,
  actor: string,
): Promise<void> {
  if (outcome.applied)
    await mergeIntoTenantIdMap(services.store, outcome.tenantId, outcome.restoreId);
  const job = await services.jobs.get(outcome.tenantId, jobIdOf(outcome.restoreId));
  if (job) {
    await services.jobs.update(job, {
      status: outcome.status,
      finishedAt,
      summary: {
        dryRun: outcome.dryRun,
        planHash: outcome.plan?.hash,
        counts: outcome.plan?.counts,
        applied: outcome.applied,
        residual: outcome.residual,
        failures: outcome.failures?.slice(0, 20),
      },
      error: outcome.reason,
    });
  }
  // After the row says the restore ended, so a start that finds the lease free finds it done.
  await services.leases.release(outcome.tenantId, 'restore', jobIdOf(outcome.restoreId));
  await services.audit.record({
    tenantId: outcome.tenantId,
    actor,
    action: outcome.dryRun ? 'restore.planned' : 'restore.completed',
    target: outcome.restoreId,
    outcome: outcome.status,
    details: { applied: outcome.applied, residual: outcome.residual, reason: outcome.reason },
  });
}

export { loadPlan };
