import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler, Task } from 'durable-functions';
import {
  RESTORE_DECISION_EVENT,
  type PlannedRestore,
  type RestoreDecision,
  type RestoreJobInput,
  type RestoreOutcome,
  type RestoreProgress,
  type RestoreSliceResult,
} from '../../shared/restore/job/restoreJob';
import { RESTORE_ORCHESTRATOR_NAME } from '../../shared/restore/job/startRestore';
import {
  CHECK_RESTORE_DRIFT_ACTIVITY,
  PLAN_RESTORE_ACTIVITY,
} from '../activities/planRestoreActivity';
import {
  APPLY_RESTORE_SLICE_ACTIVITY,
  VERIFY_RESTORE_ACTIVITY,
} from '../activities/applyRestoreSliceActivity';
import { FINISH_RESTORE_ACTIVITY } from '../activities/finishRestoreActivity';

export const RESTORE_ORCHESTRATOR = RESTORE_ORCHESTRATOR_NAME;
const ACTIONS_PER_SLICE = 50;

/**
 * plan (dry-run) → wait for a confirmation carrying the plan hash, a cancel, or expiry → re-plan
 * to check drift → apply the waves in bounded idempotent slices → verify → finish the job.
 */
export const restoreOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const job = context.df.getInput() as RestoreJobInput;
  const now = (): string => context.df.currentUtcDateTime.toISOString();
  const progress: RestoreProgress = { phase: 'planning' };
  context.df.setCustomStatus(progress);
  const finish = function* (outcome: RestoreOutcome) {
    progress.phase = 'done';
    context.df.setCustomStatus(progress);
    yield context.df.callActivity(FINISH_RESTORE_ACTIVITY, {
      outcome,
      finishedAt: now(),
      actor: job.requestedBy,
    });
    return outcome;
  };
  const base = { restoreId: job.restoreId, tenantId: job.tenantId, dryRun: job.dryRun };

  const plan: PlannedRestore = yield context.df.callActivity(PLAN_RESTORE_ACTIVITY, {
    job,
    now: now(),
    awaitConfirmation: !job.dryRun,
  });
  if (job.dryRun) return yield* finish({ ...base, status: 'succeeded', plan });

  const expiresAt = new Date(
    context.df.currentUtcDateTime.getTime() + job.expiresInHours * 3600_000,
  );
  Object.assign(progress, {
    phase: 'awaitingConfirmation',
    planHash: plan.hash,
    counts: plan.counts,
    expiresAt: expiresAt.toISOString(),
  });
  context.df.setCustomStatus(progress);
  const expiry = context.df.createTimer(expiresAt);
  let decision: RestoreDecision | undefined;
  while (!decision) {
    const event = context.df.waitForExternalEvent(RESTORE_DECISION_EVENT);
    const winner: Task = yield context.df.Task.any([event, expiry]);
    if (winner === expiry) {
      return yield* finish({
        ...base,
        status: 'cancelled',
        plan,
        reason: 'The plan expired before it was confirmed.',
      });
    }
    const received = event.result as RestoreDecision;
    // The API refuses a stale hash with 409; an event that still carries one is ignored here.
    if (received.action === 'cancel' || received.planHash === plan.hash) decision = received;
  }
  expiry.cancel();
  if (decision.action === 'cancel') {
    return yield* finish({
      ...base,
      status: 'cancelled',
      plan,
      reason: `Cancelled by ${decision.by}.`,
    });
  }

  progress.phase = 'checkingDrift';
  context.df.setCustomStatus(progress);
  const currentHash: string = yield context.df.callActivity(CHECK_RESTORE_DRIFT_ACTIVITY, {
    job,
    now: now(),
    awaitConfirmation: false,
  });
  if (currentHash !== plan.hash) {
    return yield* finish({
      ...base,
      status: 'failed',
      plan,
      reason:
        'The tenant changed since the plan was made; nothing was applied. Plan the restore again.',
    });
  }

  const total = plan.waves.reduce((sum, wave) => sum + wave.actions, 0);
  Object.assign(progress, { phase: 'applying', total, done: 0 });
  context.df.setCustomStatus(progress);
  const applied = { succeeded: 0, failed: 0, skipped: 0 };
  const failures: Array<{ actionId: string; error: string }> = [];
  for (const wave of plan.waves) {
    let cursor: number | undefined = 0;
    while (cursor !== undefined) {
      const slice: RestoreSliceResult = yield context.df.callActivity(
        APPLY_RESTORE_SLICE_ACTIVITY,
        {
          tenantId: job.tenantId,
          planId: plan.planId,
          waveIndex: wave.index,
          cursor,
          maxActions: ACTIONS_PER_SLICE,
        },
      );
      applied.succeeded += slice.succeeded;
      applied.failed += slice.failed;
      applied.skipped += slice.skipped;
      failures.push(...slice.failures.slice(0, Math.max(0, 50 - failures.length)));
      progress.done = applied.succeeded + applied.failed + applied.skipped;
      context.df.setCustomStatus(progress);
      cursor = slice.nextCursor;
    }
  }

  progress.phase = 'verifying';
  context.df.setCustomStatus(progress);
  const residual: number = yield context.df.callActivity(VERIFY_RESTORE_ACTIVITY, {
    tenantId: job.tenantId,
    planId: plan.planId,
  });
  const status: RestoreOutcome['status'] =
    applied.failed === 0 && residual === 0
      ? 'succeeded'
      : applied.succeeded === 0 && applied.failed > 0
        ? 'failed'
        : 'finishedWithExceptions';
  return yield* finish({ ...base, status, plan, applied, failures, residual });
};

df.app.orchestration(RESTORE_ORCHESTRATOR, restoreOrchestrator);
