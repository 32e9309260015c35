import { z } from 'zod';
import { chunkInfoSchema } from '../snapshots/manifest';

const count = z.number().int().nonnegative();

/**
 * The continuation a module's backup carries from one bounded activity to the next. It stays
 * small: chunk descriptors and URLs, never objects.
 */
export const moduleBackupStateSchema = z.object({
  /** read: list or delta pages; changes: incremental delta pages to the work area; merge: previous snapshot + changes. */
  phase: z.enum(['read', 'changes', 'merge', 'done']),
  mode: z.enum(['full', 'delta']),
  /** The next URL to read (nextLink, or the previous deltaLink for an incremental). */
  cursor: z.string().optional(),
  nextChunkIndex: z.number().int().min(1),
  changeBlobs: count,
  deltaLink: z.string().optional(),
  chunks: z.array(chunkInfoSchema),
  count,
  changes: z.object({ added: count, updated: count, removed: count }).optional(),
  warnings: z.array(z.string()),
  requests: count,
  /** Why the module was not backed up (no application permission exists, or it is not granted). */
  skipped: z.string().optional(),
});
export type ModuleBackupState = z.infer<typeof moduleBackupStateSchema>;

export const moduleSliceInputSchema = z.object({
  tenantId: z.uuid(),
  jobId: z.string().min(1),
  snapshotId: z.string().min(1),
  moduleId: z.string().min(1),
  previousSnapshotId: z.string().min(1).optional(),
  /**
   * The job's other delta modules: objects they removed are re-checked here, because a
   * per-object link (an app's owners) to a deleted user disappears without a change to the app.
   */
  linkedDeltaModules: z.array(z.string().min(1)).optional(),
  state: moduleBackupStateSchema,
});
export type ModuleSliceInput = z.infer<typeof moduleSliceInputSchema>;

export function initialModuleState(previousDeltaLink: string | undefined): ModuleBackupState {
  return {
    phase: previousDeltaLink ? 'changes' : 'read',
    mode: previousDeltaLink ? 'delta' : 'full',
    cursor: previousDeltaLink,
    nextChunkIndex: 1,
    changeBlobs: 0,
    chunks: [],
    count: 0,
    warnings: [],
    requests: 0,
  };
}
