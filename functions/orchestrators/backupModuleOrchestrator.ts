import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import type { ModuleResult, ModulePlan } from '../../shared/backup/backupJobTypes';
import type { ModuleBackupState } from '../../shared/backup/moduleBackupState';
import { BACKUP_MODULE_SLICE_ACTIVITY } from '../activities/backupModuleSlice';

export const BACKUP_MODULE_ORCHESTRATOR = 'backupModuleOrchestrator';

export interface BackupModuleInput {
  tenantId: string;
  jobId: string;
  snapshotId: string;
  plan: ModulePlan;
  /** The job's delta modules (see ModuleSliceInput.linkedDeltaModules). */
  linkedDeltaModules: string[];
  /** Return once the change phase is over, before merging (a barrier across delta modules). */
  stopBeforeMerge?: boolean;
}

/** Loops bounded slices of one module until its continuation says done; a failure is reported, not thrown. */
export const backupModuleOrchestrator: OrchestrationHandler = function* (
  context: OrchestrationContext,
) {
  const input = context.df.getInput() as BackupModuleInput;
  const started = context.df.currentUtcDateTime.getTime();
  let state: ModuleBackupState = input.plan.state;
  try {
    while (state.phase !== 'done' && !(input.stopBeforeMerge && state.phase === 'merge')) {
      state = yield context.df.callActivity(BACKUP_MODULE_SLICE_ACTIVITY, {
        tenantId: input.tenantId,
        jobId: input.jobId,
        snapshotId: input.snapshotId,
        moduleId: input.plan.moduleId,
        previousSnapshotId: input.plan.previousSnapshotId,
        linkedDeltaModules: input.linkedDeltaModules,
        state,
      });
      context.df.setCustomStatus({
        moduleId: input.plan.moduleId,
        phase: state.phase,
        objects: state.count,
      });
    }
    const result: ModuleResult = {
      moduleId: input.plan.moduleId,
      status: state.skipped ? 'skipped' : 'succeeded',
      state,
      error: state.skipped,
      durationMs: context.df.currentUtcDateTime.getTime() - started,
    };
    return result;
  } catch (error) {
    const result: ModuleResult = {
      moduleId: input.plan.moduleId,
      status: 'failed',
      state,
      error: errorMessage(error),
      durationMs: context.df.currentUtcDateTime.getTime() - started,
    };
    return result;
  }
};

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // durable-functions wraps activity failures: keep the activity's own message.
  return message.replace(/^Activity function '[^']+' failed: /, '').slice(0, 2000);
}

df.app.orchestration(BACKUP_MODULE_ORCHESTRATOR, backupModuleOrchestrator);
