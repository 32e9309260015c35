import { z } from 'zod';
import { moduleBackupStateSchema } from './moduleBackupState';

/** What starts a backup orchestration (validated at every boundary that accepts it). */
export const backupJobInputSchema = z.object({
  tenantId: z.uuid(),
  jobId: z.string().min(1).max(80),
  snapshotId: z.string().min(1).max(80),
  /** Explicit module selection; absent = the tenant's backup scope. */
  modules: z.array(z.string().min(1)).max(200).optional(),
  /** Ignore delta links and read everything. */
  full: z.boolean().default(false),
  requestedBy: z.string().min(1).max(200),
});
export type BackupJobInput = z.infer<typeof backupJobInputSchema>;

export const modulePlanSchema = z.object({
  moduleId: z.string().min(1),
  previousSnapshotId: z.string().min(1).optional(),
  state: moduleBackupStateSchema,
});
export type ModulePlan = z.infer<typeof modulePlanSchema>;

export const backupPlanSchema = z.object({
  startedAt: z.string(),
  modules: z.array(modulePlanSchema),
  warnings: z.array(z.string()),
});
export type BackupPlan = z.infer<typeof backupPlanSchema>;

export const moduleResultSchema = z.object({
  moduleId: z.string().min(1),
  status: z.enum(['succeeded', 'failed', 'skipped']),
  state: moduleBackupStateSchema.optional(),
  error: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type ModuleResult = z.infer<typeof moduleResultSchema>;

export interface BackupSummary {
  tenantId: string;
  jobId: string;
  snapshotId?: string;
  status: 'succeeded' | 'finishedWithExceptions' | 'failed';
  modules: Record<
    string,
    {
      status: ModuleResult['status'];
      count: number;
      mode?: 'full' | 'delta';
      changes?: { added: number; updated: number; removed: number };
      error?: string;
      requests?: number;
    }
  >;
  objects: number;
  warnings: string[];
}

/** The orchestration's custom status: what a portal shows while a backup runs. */
export interface BackupProgress {
  phase: 'preparing' | 'reading' | 'committing' | 'done';
  modulesTotal: number;
  modulesDone: number;
  objects: number;
  currentModules?: string[];
}
