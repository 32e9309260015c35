import * as df from 'durable-functions';
import type { OrchestrationContext, Task } from 'durable-functions';
import type {
  BackupJobInput,
  BackupPlan,
  BackupProgress,
  BackupSummary,
  ModulePlan,
  ModuleResult,
} from '../../shared/backup/backupJobTypes';
import { backupOrchestration as contract } from '../../shared/backup/startBackup';
import { defineOrchestration } from '../../shared/durable/orchestration';
import {
  callActivity,
  endsJobOnFailure,
  firstDone,
  subOrchestratorTask,
} from '../../shared/durable/orchestratorCalls';
import { commitSnapshotActivity } from '../activities/commitSnapshot';
import { failBackupActivity } from '../activities/failBackup';
import { prepareBackupActivity } from '../activities/prepareBackup';
import { backupModuleOrchestration } from './backupModuleOrchestrator';

/**
 * A step that throws (planning, commit) still ends the job: the row says failed with the reason
 * and the tenant is free; the orchestration then fails with the error, as before.
 */
function* recordFailure(
  context: OrchestrationContext,
  job: BackupJobInput,
  failure: { error: unknown; reason: string },
): Generator<Task, BackupSummary, unknown> {
  yield* callActivity(context, failBackupActivity, {
    job,
    reason: `The backup failed: ${failure.reason}`,
    finishedAt: context.df.currentUtcDateTime.toISOString(),
  });
  throw failure.error;
}

/**
 * prepare → one sub-orchestration per module (fan out) → fan in as they finish (progress in
 * custom status) → commit (manifest last). Deterministic: no I/O, clock or randomness here.
 */
export const backupOrchestration = defineOrchestration(
  contract,
  endsJobOnFailure(function* (context, job): Generator<Task, BackupSummary, unknown> {
    const progress: BackupProgress = {
      phase: 'preparing',
      modulesTotal: 0,
      modulesDone: 0,
      objects: 0,
    };
    context.df.setCustomStatus(progress);
    const plan: BackupPlan = yield* callActivity(context, prepareBackupActivity, {
      job,
      startedAt: context.df.currentUtcDateTime.toISOString(),
    });

    progress.phase = 'reading';
    progress.modulesTotal = plan.modules.length;
    context.df.setCustomStatus(progress);
    const linkedDeltaModules = plan.modules
      .filter((m) => m.state.mode === 'delta')
      .map((m) => m.moduleId);
    const runModules = function* (
      modules: ModulePlan[],
      stopBeforeMerge: boolean,
      round: number,
    ): Generator<Task, ModuleResult[], unknown> {
      const tasks = modules.map((modulePlan) =>
        subOrchestratorTask(
          context,
          backupModuleOrchestration,
          {
            tenantId: job.tenantId,
            jobId: job.jobId,
            snapshotId: job.snapshotId,
            plan: modulePlan,
            linkedDeltaModules,
            stopBeforeMerge,
          },
          `${context.df.instanceId}:${job.jobId}:${modulePlan.moduleId}:${round}`,
        ),
      );
      const finished: ModuleResult[] = [];
      let remaining = tasks;
      while (remaining.length > 0) {
        const task = yield* firstDone(context, remaining);
        const result = task.result!;
        finished.push(result);
        remaining = remaining.filter((t) => t !== task);
        if (result.status !== 'succeeded' || result.state?.phase === 'done') {
          progress.modulesDone++;
          progress.objects += result.state?.count ?? 0;
          context.df.setCustomStatus(progress);
        }
      }
      return finished;
    };
    // Round 1 reads everything and stops delta modules before their merge; round 2 merges them,
    // once every delta module has written the ids it saw removed.
    const results: ModuleResult[] = [];
    const firstRound: ModuleResult[] = yield* runModules(plan.modules, true, 1);
    const toMerge: ModulePlan[] = [];
    for (const result of firstRound) {
      const modulePlan = plan.modules.find((m) => m.moduleId === result.moduleId)!;
      if (result.status === 'succeeded' && result.state?.phase === 'merge') {
        toMerge.push({ ...modulePlan, state: result.state });
      } else {
        results.push(result);
      }
    }
    if (toMerge.length > 0) results.push(...(yield* runModules(toMerge, false, 2)));
    // Manifest module order follows the plan, not completion order.
    results.sort(
      (a, b) =>
        plan.modules.findIndex((m) => m.moduleId === a.moduleId) -
        plan.modules.findIndex((m) => m.moduleId === b.moduleId),
    );

    progress.phase = 'committing';
    context.df.setCustomStatus(progress);
    const summary = yield* callActivity(context, commitSnapshotActivity, {
      job,
      plan,
      results,
      finishedAt: context.df.currentUtcDateTime.toISOString(),
    });
    progress.phase = 'done';
    context.df.setCustomStatus(progress);
    return summary;
  }, recordFailure),
);

df.app.orchestration(backupOrchestration.name, backupOrchestration.handler);
