import * as df from 'durable-functions';
import { z } from 'zod';
import { type ModuleResult, modulePlanSchema } from '../../shared/backup/backupJobTypes';
import type { ModuleBackupState } from '../../shared/backup/moduleBackupState';
import { defineOrchestration } from '../../shared/durable/orchestration';
import { callActivity } from '../../shared/durable/orchestratorCalls';
import { backupModuleSliceActivity } from '../activities/backupModuleSlice';

export const backupModuleInputSchema = z.object({
  tenantId: z.uuid(),
  jobId: z.string().min(1),
  snapshotId: z.string().min(1),
  plan: modulePlanSchema,
  /** The job's delta modules (see ModuleSliceInput.linkedDeltaModules). */
  linkedDeltaModules: z.array(z.string().min(1)),
  /** Return once the change phase is over, before merging (a barrier across delta modules). */
  stopBeforeMerge: z.boolean().optional(),
});
export type BackupModuleInput = z.infer<typeof backupModuleInputSchema>;

/** Loops bounded slices of one module until its continuation says done; a failure is reported, not thrown. */
export const backupModuleOrchestration = defineOrchestration(
  'backupModuleOrchestrator',
  backupModuleInputSchema,
  function* (context, input): Generator<df.Task, ModuleResult, unknown> {
    const started = context.df.currentUtcDateTime.getTime();
    let state: ModuleBackupState = input.plan.state;
    try {
      while (state.phase !== 'done' && !(input.stopBeforeMerge && state.phase === 'merge')) {
        state = yield* callActivity(context, backupModuleSliceActivity, {
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
      return {
        moduleId: input.plan.moduleId,
        status: state.skipped ? 'skipped' : 'succeeded',
        state,
        error: state.skipped,
        durationMs: context.df.currentUtcDateTime.getTime() - started,
      };
    } catch (error) {
      return {
        moduleId: input.plan.moduleId,
        status: 'failed',
        state,
        error: errorMessage(error),
        durationMs: context.df.currentUtcDateTime.getTime() - started,
      };
    }
  },
);

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // durable-functions wraps activity failures: keep the activity's own message.
  return message.replace(/^Activity function '[^']+' failed: /, '').slice(0, 2000);
}

df.app.orchestration(backupModuleOrchestration.name, backupModuleOrchestration.handler);
