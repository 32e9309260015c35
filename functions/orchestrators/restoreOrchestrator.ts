import * as df from 'durable-functions';
import type { OrchestrationContext, Task } from 'durable-functions';
import { defineOrchestration } from '../../shared/durable/orchestration';
import { callActivity, endsJobOnFailure, firstDone } from '../../shared/durable/orchestratorCalls';
import {
  RESTORE_DECISION_EVENT,
  type RestoreDecision,
  type RestoreJobInput,
  type RestoreSliceResult,
  type RestoreOutcome,
  type RestoreProgress,
  restoreDecisionSchema,
} from '../../shared/restore/job/restoreJob';
import { restoreOrchestration as contract } from '../../shared/restore/job/startRestore';
import { applyRestoreSliceActivity } from '../activities/applyRestoreSlice';
import { checkRestoreDriftActivity } from '../activities/checkRestoreDrift';
import { finishRestoreActivity } from '../activities/finishRestore';
import { planRestoreActivity } from '../activities/planRestore';
import { verifyRestoreActivity } from '../activities/verifyRestore';

const ACTIONS_PER_SLICE = 50;

/**
 * A step that throws still ends the restore: the job row says failed (as the status endpoint
 * does) and the tenant is free, instead of a row that says running forever.
 */
function* recordFailure(
  context: OrchestrationContext,
  job: RestoreJobInput,
  failure: { reason: string },
): Generator<Task, RestoreOutcome, unknown> {
  context.df.setCustomStatus({ phase: 'done' } satisfies RestoreProgress);
  const outcome: RestoreOutcome = {
    restoreId: job.restoreId,
    tenantId: job.tenantId,
    dryRun: job.dryRun,
    status: 'failed',
    reason: `The restore failed: ${failure.reason}`,
  };
  yield* callActivity(context, finishRestoreActivity, {
    outcome,
    finishedAt: context.df.currentUtcDateTime.toISOString(),
    actor: job.requestedBy,
  });
  return outcome;
}

/**
 * plan (dry-run) → wait for a confirmation carrying the plan hash, a cancel, or expiry → re-plan
 * to check drift → apply the waves in bounded idempotent slices → verify → finish the job.
 */
export const restoreOrchestration = defineOrchestration(
  contract,
  endsJobOnFailure(function* (context, job): Generator<Task, RestoreOutcome, unknown> {
    const now = (): string => context.df.currentUtcDateTime.toISOString();
    const progress: RestoreProgress = { phase: 'planning' };
    context.df.setCustomStatus(progress);
    const finish = function* (outcome: RestoreOutcome): Generator<Task, RestoreOutcome, unknown> {
      progress.phase = 'done';
      context.df.setCustomStatus(progress);
      yield* callActivity(context, finishRestoreActivity, {
        outcome,
        finishedAt: now(),
        actor: job.requestedBy,
      });
      return outcome;
    };
    const base = { restoreId: job.restoreId, tenantId: job.tenantId, dryRun: job.dryRun };

    const plan = yield* callActivity(context, planRestoreActivity, {
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
      const winner = yield* firstDone(context, [event, expiry]);
      if (winner === expiry) {
        return yield* finish({
          ...base,
          status: 'cancelled',
          plan,
          reason: 'The plan expired before it was confirmed.',
        });
      }
      // The API refuses a stale hash with 409; an event that still carries one (or is not a
      // decision at all) is ignored here.
      const received = restoreDecisionSchema.safeParse(event.result);
      if (!received.success) continue;
      if (received.data.action === 'cancel' || received.data.planHash === plan.hash)
        decision = received.data;
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
    const currentHash = yield* callActivity(context, checkRestoreDriftActivity, {
      job,
      now: now(),
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
        const slice: RestoreSliceResult = yield* callActivity(context, applyRestoreSliceActivity, {
          tenantId: job.tenantId,
          planId: plan.planId,
          waveIndex: wave.index,
          cursor,
          maxActions: ACTIONS_PER_SLICE,
        });
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
    const residual = yield* callActivity(context, verifyRestoreActivity, {
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
  }, recordFailure),
);

df.app.orchestration(restoreOrchestration.name, restoreOrchestration.handler);
