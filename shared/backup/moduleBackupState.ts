import type { ChunkInfo } from '../snapshots/manifest';

/**
 * The continuation a module's backup carries from one bounded activity to the next. It stays
 * small: chunk descriptors and URLs, never objects.
 */
export interface ModuleBackupState {
  /** read: list or delta pages; changes: incremental delta pages to the work area; merge: previous snapshot + changes. */
  phase: 'read' | 'changes' | 'merge' | 'done';
  mode: 'full' | 'delta';
  /** The next URL to read (nextLink, or the previous deltaLink for an incremental). */
  cursor?: string;
  nextChunkIndex: number;
  changeBlobs: number;
  deltaLink?: string;
  chunks: ChunkInfo[];
  count: number;
  changes?: { added: number; updated: number; removed: number };
  warnings: string[];
  requests: number;
  /** Why the module was not backed up (no application permission exists, or it is not granted). */
  skipped?: string;
}

export interface ModuleSliceInput {
  tenantId: string;
  jobId: string;
  snapshotId: string;
  moduleId: string;
  previousSnapshotId?: string;
  /**
   * The job's other delta modules: objects they removed are re-checked here, because a
   * per-object link (an app's owners) to a deleted user disappears without a change to the app.
   */
  linkedDeltaModules?: string[];
  state: ModuleBackupState;
}

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
