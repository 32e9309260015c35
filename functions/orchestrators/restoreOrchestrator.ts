import * as df from 'durable-functions';
import type { Task } from 'durable-functions';
import { defineOrchestration } from '../../shared/durable/orchestration';
import { callActivity, firstDone } from '../../shared/durable/orchestratorCalls';
import {
  RESTORE_DECISION_EVENT,
  type RestoreDecision,
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

/** What a caller may read of a failed step: its message's first line, never a stack. */
function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The restore failed: ${message.split('\n')[0].slice(0, 500)}`;
}

/**
 * plan (dry-run) → wait for a confirmation carrying the plan hash, a cancel, or expiry → re-plan
 * to check drift → apply the waves in bounded idempotent slices → verify → finish the job.
 */
export const restoreOrchestration = defineOrchestration(
  contract,
  function* (context, job): Generator<Task, RestoreOutcome, unknown> {
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

    // A step that throws still ends the job: the row says failed (and the tenant is free),
    // as the status endpoint does, instead of running forever.
    const run = function* (): Generator<Task, RestoreOutcome, unknown> {
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
          const slice: RestoreSliceResult = yield* callActivity(
            context,
            applyRestoreSliceActivity,
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
    };
    try {
      return yield* run();
    } catch (error) {
      return yield* finish({ ...base, status: 'failed', reason: failureReason(error) });
    }
  },
);

df.app.orchestration(restoreOrchestration.name, restoreOrchestration.handler);
