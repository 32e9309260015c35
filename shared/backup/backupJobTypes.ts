import { z } from 'zod';
import type { ModuleBackupState } from './moduleBackupState';

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

export interface ModulePlan {
  moduleId: string;
  previousSnapshotId?: string;
  state: ModuleBackupState;
}

export interface BackupPlan {
  startedAt: string;
  modules: ModulePlan[];
  warnings: string[];
}

export interface ModuleResult {
  moduleId: string;
  status: 'succeeded' | 'failed' | 'skipped';
  state?: ModuleBackupState;
  error?: string;
  durationMs?: number;
}

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
