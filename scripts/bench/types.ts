import { z } from 'zod';
import type { SimulatorCounters } from '../../test/simulator';

/** The five runs made per preset, in the order they run (each builds on the tenant the last left). */
export const SCENARIOS = [
  'fullBackup',
  'incrementalBackup',
  'restorePlan',
  'restoreApply',
  'baselineBackup',
] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<ScenarioId, string> = {
  fullBackup: 'Full backup',
  incrementalBackup: 'Incremental backup (1% changed)',
  restorePlan: 'Restore plan (whole snapshot, dry run)',
  restoreApply: 'Restore apply (1% broken)',
  baselineBackup: 'Baseline full backup (no delta/$select/$batch)',
};

/** What the bench asks one project process to do; validated where the worker reads it. */
export const workerRequestSchema = z.object({
  scenario: z.enum(SCENARIOS),
  tenantId: z.uuid(),
  /** Modules to back up / restore (empty = the tenant's scope). */
  modules: z.array(z.string().min(1)),
  /** Restore source (restorePlan, restoreApply). */
  snapshotId: z.string().min(1).optional(),
  /** Durable task hub of this run: a fresh one per run, so no run resumes another's work. */
  taskHub: z.string().regex(/^[A-Za-z][A-Za-z0-9]{2,44}$/),
  /** Poll interval of the orchestration status (ms). */
  pollMs: z.number().int().min(10).max(5000).default(100),
});
export type WorkerRequest = z.input<typeof workerRequestSchema>;

/** The simulator's counters at the moment a restore entered a phase. */
export interface PhaseMark {
  phase: string;
  atSeconds: number;
  counters?: SimulatorCounters;
}

/** What one project process reports (one JSON line on stdout). */
export interface WorkerResult {
  scenario: ScenarioId;
  ok: boolean;
  error?: string;
  /** Wall time of the operation itself (start request → orchestration finished). */
  wallSeconds: number;
  /** Peak resident set of the project process, bytes (process.resourceUsage().maxRSS × 1024). */
  peakRssBytes: number;
  /** Net growth of the blobs under tenants/{tenantId}/ during the operation. */
  blobBytesWritten: number;
  /** Objects in the snapshot written (backups) or read (restore plan), actions applied (apply). */
  objects: number;
  snapshotId?: string;
  backup?: {
    status: string;
    objects: number;
    failedModules: string[];
    modes: Record<string, string>;
  };
  restore?: {
    status: string;
    planHash?: string;
    counts?: Record<string, number>;
    applied?: { succeeded: number; failed: number; skipped: number };
    residual?: number;
    failures?: Array<{ actionId: string; error: string }>;
    /** Phase entries with the counters at each (restoreApply only). */
    phases?: PhaseMark[];
  };
}

/** One row of the results: a worker result joined with the simulator's counters for the run. */
export interface RunRecord {
  preset: string;
  scenario: ScenarioId;
  label: string;
  ok: boolean;
  error?: string;
  wallSeconds: number;
  /** Graph requests the simulator served, $batch envelopes and inner requests included. */
  graphRequests: number;
  /** HTTP round trips (graphRequests minus the requests carried inside $batch). */
  httpCalls: number;
  resourceUnits: number;
  writes: number;
  throttled: number;
  /** The simulator's floorSeconds: max of the RU, write and latency terms. */
  floorSeconds: number;
  wallOverFloor: number | null;
  /**
   * Graph's budget alone: max(RU term, write term), without the latency term. The latency term sums
   * the latency of every request inside a $batch although a batch waits only for its slowest, so
   * for batched work it overstates the floor; this one does not.
   */
  budgetFloorSeconds: number;
  wallOverBudgetFloor: number | null;
  peakRssBytes: number;
  blobBytesWritten: number;
  objects: number;
  objectsPerSecond: number;
  /** Life of the project process including start-up (spawned runs). */
  processSeconds?: number;
  /** restoreApply: the write phase alone (applying → verifying). */
  applyPhase?: {
    wallSeconds: number;
    writes: number;
    resourceUnits: number;
    throttled: number;
    writeFloorSeconds: number;
    floorSeconds: number;
    /** writeFloorSeconds / wallSeconds: share of the write quota's sustained rate achieved. */
    writeQuotaUse: number | null;
  };
  worker: WorkerResult;
  counters: SimulatorCounters;
}

export interface TenantSize {
  users: number;
  groups: number;
  applications: number;
  servicePrincipals: number;
  /** Objects in the first full snapshot (all modules). */
  snapshotObjects: number;
}

export interface PresetResult {
  preset: string;
  seed: number;
  throttling: boolean;
  latency: boolean;
  tenant: TenantSize;
  /** What the bench changed before the incremental backup and before the restore apply. */
  changes: { churn: ChangeLog; breakage: ChangeLog };
  runs: RunRecord[];
}

export interface ChangeLog {
  target: number;
  made: Record<string, number>;
  total: number;
}

export interface GoalResult {
  goal: string;
  met: boolean | null;
  figure: string;
  why: string;
}

export interface BenchReport {
  formatVersion: 1;
  startedAt: string;
  finishedAt: string;
  machine: { node: string; cpus: number; platform: string; totalMemoryBytes: number };
  modules: string[];
  presets: PresetResult[];
  goals: GoalResult[];
  notes: string[];
  /** What the person who ran the bench observed (`--note`), kept across --merge / --render-only. */
  observations: string[];
}
