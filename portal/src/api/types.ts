/** Response shapes of the entra-backup HTTP API, as the portal reads them (see /api/openapi.json). */

export interface Tenant {
  tenantId: string;
  displayName: string;
  createdAt: string;
}

export interface BackupProgress {
  phase: 'preparing' | 'reading' | 'committing' | 'done';
  modulesTotal: number;
  modulesDone: number;
  objects: number;
  currentModules?: string[];
}

export interface ModuleSummary {
  status: 'succeeded' | 'failed' | 'skipped';
  count: number;
  mode?: 'full' | 'delta';
  changes?: { added: number; updated: number; removed: number };
  error?: string;
  requests?: number;
}

export interface BackupSummary {
  status: string;
  modules: Record<string, ModuleSummary>;
  objects: number;
  warnings: string[];
}

export interface Job {
  tenantId: string;
  jobId: string;
  type: string;
  status: string;
  requestedBy?: string;
  startedAt?: string;
  finishedAt?: string;
  snapshotId?: string;
  progress?: Partial<BackupProgress>;
  summary?: BackupSummary;
  error?: string;
  /** Only on the job view (GET …/backups/{jobId}). */
  running?: boolean;
}

export interface Schedule {
  scheduleId: string;
  intervalMinutes: number;
  fullEveryN?: number;
  enabled: boolean;
  nextRunAt: string;
  lastRunAt?: string;
}

export interface SnapshotSummary {
  snapshotId: string;
  jobId: string;
  kind: 'full' | 'incremental';
  status: string;
  startedAt: string;
  finishedAt: string;
  objects: number;
  modules: number;
}

export interface ModuleManifest {
  status: 'succeeded' | 'failed' | 'skipped';
  graphVersion: string;
  mode: 'full' | 'delta';
  count: number;
  changes?: { added: number; updated: number; removed: number };
  warnings: string[];
  error?: string;
}

export interface SnapshotManifest {
  snapshotId: string;
  kind: 'full' | 'incremental';
  status: string;
  startedAt: string;
  finishedAt: string;
  modules: Record<string, ModuleManifest>;
  warnings: string[];
}

export interface SnapshotObject {
  moduleId: string;
  id: string;
  object: Record<string, unknown>;
  relationships?: Record<string, string[]>;
  children?: Record<string, unknown[]>;
}

export interface CatalogueModule {
  id: string;
  displayName: string;
  category: string;
  graphVersion: string;
  delta: boolean;
  restore: 'createOrUpdate' | 'singleton' | 'backupOnly';
  backupOnlyReason?: string;
  readPermissions: string[];
  writePermissions: string[];
}

export interface ModuleCatalogue {
  categories: string[];
  value: CatalogueModule[];
}

export interface ScopeView {
  enableAll: boolean;
  categories: Record<string, boolean>;
  modules: Record<string, boolean>;
  knownModules: string[];
  selectedModules: string[];
  newModules: string[];
}

export interface PermissionReport {
  modules: string[];
  backup: string[];
  restore: string[];
  tenant?: {
    granted: string[];
    missing: { backup: string[]; restore: string[] };
    modulesAffected: { backup: string[]; restore: string[] };
  };
}

export interface PropertyDiff {
  property: string;
  before: unknown;
  after: unknown;
}

export interface PlanAction {
  actionId: string;
  moduleId: string;
  objectId: string;
  displayName?: string;
  kind: string;
  diff?: PropertyDiff[];
  reason?: string;
}

export interface PlanWarning {
  moduleId?: string;
  objectId?: string;
  code: string;
  message: string;
}

export interface RestorePlan {
  hash: string;
  waves: { index: number; modules: string[]; actions: PlanAction[] }[];
  counts: Record<string, number>;
  warnings: PlanWarning[];
}

export interface RestoreSummary {
  status?: string;
  applied?: { succeeded: number; failed: number; skipped: number };
  failures?: { actionId: string; error: string }[];
  residual?: number;
  reason?: string;
}

export interface RestoreView {
  restoreId: string;
  tenantId: string;
  status: string;
  phase?: string;
  planHash?: string;
  counts?: Record<string, number>;
  expiresAt?: string;
  progress?: { total?: number; done?: number };
  summary?: RestoreSummary;
  error?: string;
  running: boolean;
  plan?: RestorePlan;
}

export type SignInConfig =
  | { mode: 'msal'; clientId: string; authority: string; scopes: string[] }
  | { mode: 'local'; tokenPath: string }
  | { mode: 'unconfigured'; message: string };
