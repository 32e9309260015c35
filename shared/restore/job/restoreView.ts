import type { OrchestrationClient } from '../../api/orchestrationClient';
import { notFound } from '../../api/errors';
import type { Services } from '../../config/services';
import { loadPlan } from './planStore';
import { renderPlan } from '../plan/renderPlan';
import type { RestoreProgress } from './restoreJob';
import { parseRestoreId, restoreInstanceId } from './startRestore';

export interface RestoreView {
  restoreId: string;
  tenantId: string;
  status: string;
  phase?: RestoreProgress['phase'];
  planHash?: string;
  counts?: unknown;
  expiresAt?: string;
  progress?: { total?: number; done?: number };
  summary?: unknown;
  error?: string;
  running: boolean;
  plan?: unknown;
  planText?: string;
}

/** A restore's job row, live phase and (on request) its plan as JSON or readable text. */
export async function getRestoreView(
  services: Services,
  client: OrchestrationClient,
  restoreId: string,
  include: { plan?: 'json' | 'text' } = {},
): Promise<RestoreView> {
  const { tenantId, jobId } = parseRestoreId(restoreId);
  const job = await services.jobs.get(tenantId, jobId);
  if (!job || job.type !== 'restore') throw notFound(`Restore ${restoreId} was not found.`);
  const status = await client.getStatus(restoreInstanceId(restoreId));
  const progress = (status?.customStatus ?? {}) as RestoreProgress;
  const view: RestoreView = {
    restoreId,
    tenantId,
    status: job.status,
    phase: progress.phase,
    planHash:
      progress.planHash ??
      (job.progress?.planHash as string | undefined) ??
      (job.summary?.planHash as string | undefined),
    counts: progress.counts ?? job.progress?.counts ?? job.summary?.counts,
    expiresAt: progress.expiresAt,
    progress:
      progress.total !== undefined ? { total: progress.total, done: progress.done } : undefined,
    summary: job.summary,
    error: job.error,
    running: !['succeeded', 'finishedWithExceptions', 'failed', 'cancelled'].includes(job.status),
  };
  if (status?.runtimeStatus === 'Failed' && view.running) {
    view.status = 'failed';
    view.running = false;
    view.error = String(status.output ?? 'restore orchestration failed');
  }
  if (include.plan && view.planHash) {
    const plan = await loadPlan(services.store, tenantId, restoreId).catch(() => undefined);
    if (plan) {
      if (include.plan === 'json') view.plan = plan;
      else view.planText = renderPlan(plan, { maxActions: 500 });
    }
  }
  return view;
}

/**
 * Waits until a restore's plan awaits confirmation (planning done, hash known); throws when the
 * restore ended first or the time runs out. `plan` asks for the plan in the returned view.
 */
export async function waitForPlan(
  services: Services,
  client: OrchestrationClient,
  restoreId: string,
  options: { plan?: 'json' | 'text'; pollMs?: number; timeoutMs?: number } = {},
): Promise<RestoreView> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  for (;;) {
    const view = await getRestoreView(services, client, restoreId);
    if (view.status === 'awaitingConfirmation') {
      return options.plan
        ? getRestoreView(services, client, restoreId, { plan: options.plan })
        : view;
    }
    if (!view.running)
      throw new Error(`restore ${restoreId} ended ${view.status}: ${view.error ?? ''}`);
    if (Date.now() > deadline) throw new Error(`restore ${restoreId} was not planned in time`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}
