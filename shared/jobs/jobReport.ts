import { notFound } from '../api/errors';
import type { Services } from '../config/services';
import { toCsv } from '../format/csv';
import { loadPlan } from '../restore/job/planStore';
import type { StoredJob } from '../state/jobRepository';

/**
 * The downloadable report of one job: for a backup one row per module (objects, changes,
 * requests, duration, warnings, error), for a restore one row per planned action with its result.
 * Built from the job row, the snapshot manifest and the plan blob: nothing new is recorded for it.
 */
export interface JobReport {
  tenantId: string;
  jobId: string;
  type: string;
  status: string;
  requestedBy: string;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  snapshotId?: string;
  error?: string;
  warnings: string[];
  modules: ModuleReportRow[];
  actions: ActionReportRow[];
}

export interface ModuleReportRow {
  moduleId: string;
  status: string;
  mode?: string;
  objects: number;
  added?: number;
  updated?: number;
  removed?: number;
  requests?: number;
  /** 429 answers, when the job recorded them (backups before this field leave it empty). */
  throttled?: number;
  durationMs?: number;
  warnings: string[];
  error?: string;
}

export interface ActionReportRow {
  actionId: string;
  moduleId: string;
  objectId: string;
  displayName?: string;
  kind: string;
  wave: number;
  /** succeeded, failed, notApplied (dry run, cancelled) or notRecorded (more failures than kept). */
  result: 'succeeded' | 'failed' | 'notApplied' | 'notRecorded';
  error?: string;
}

interface StoredModuleSummary {
  status?: string;
  count?: number;
  mode?: string;
  changes?: { added: number; updated: number; removed: number };
  error?: string;
}

interface StoredRestoreSummary {
  dryRun?: boolean;
  applied?: { succeeded: number; failed: number; skipped: number };
  failures?: Array<{ actionId: string; error: string }>;
}

export async function buildJobReport(
  services: Services,
  tenantId: string,
  jobId: string,
): Promise<JobReport> {
  const job = await services.jobs.get(tenantId, jobId);
  if (!job)
    throw notFound(`Job ${jobId} was not found for tenant ${tenantId}.`, { tenantId, jobId });
  const base: JobReport = {
    tenantId: job.tenantId,
    jobId: job.jobId,
    type: job.type,
    status: job.status,
    requestedBy: job.requestedBy,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    durationMs: job.finishedAt ? Date.parse(job.finishedAt) - Date.parse(job.startedAt) : undefined,
    snapshotId: job.snapshotId,
    error: job.error,
    warnings: [],
    modules: [],
    actions: [],
  };
  if (job.type === 'backup') return { ...base, ...(await backupRows(services, job)) };
  if (job.type === 'restore') return { ...base, actions: await restoreRows(services, job) };
  return base;
}

async function backupRows(
  services: Services,
  job: StoredJob,
): Promise<Pick<JobReport, 'modules' | 'warnings'>> {
  const stored = ((job.summary as { modules?: Record<string, StoredModuleSummary> } | undefined)
    ?.modules ?? {}) as Record<string, StoredModuleSummary>;
  const manifest = job.snapshotId
    ? await services.store.readManifest(job.tenantId, job.snapshotId)
    : undefined;
  const ids = new Set([...Object.keys(stored), ...Object.keys(manifest?.modules ?? {})]);
  const modules = [...ids].sort().map((moduleId): ModuleReportRow => {
    const fromJob = stored[moduleId] ?? {};
    const fromManifest = manifest?.modules[moduleId];
    const changes = fromManifest?.changes ?? fromJob.changes;
    return {
      moduleId,
      status: fromManifest?.status ?? fromJob.status ?? 'unknown',
      mode: fromManifest?.mode ?? fromJob.mode,
      objects: fromManifest?.count ?? fromJob.count ?? 0,
      added: changes?.added,
      updated: changes?.updated,
      removed: changes?.removed,
      requests: fromManifest?.requests,
      throttled: (fromManifest as { throttled?: number } | undefined)?.throttled,
      durationMs: fromManifest?.durationMs,
      warnings: fromManifest?.warnings ?? [],
      error: fromManifest?.error ?? fromJob.error,
    };
  });
  return { modules, warnings: manifest?.warnings ?? [] };
}

async function restoreRows(services: Services, job: StoredJob): Promise<ActionReportRow[]> {
  const restoreId = `${job.tenantId}.${job.jobId}`;
  let plan;
  try {
    plan = await loadPlan(services.store, job.tenantId, restoreId);
  } catch (error) {
    // No plan yet (still planning, or planning failed): the report has no action rows.
    if ((error as { status?: number }).status === 404) return [];
    throw error;
  }
  const summary = (job.summary ?? {}) as StoredRestoreSummary;
  const failures = new Map((summary.failures ?? []).map((f) => [f.actionId, f.error]));
  const applied = summary.applied;
  const allFailuresKept = !applied || applied.failed <= failures.size;
  return plan.waves.flatMap((wave) =>
    wave.actions.map((action): ActionReportRow => {
      const error = failures.get(action.actionId);
      const result: ActionReportRow['result'] =
        error !== undefined
          ? 'failed'
          : !applied || summary.dryRun
            ? 'notApplied'
            : allFailuresKept
              ? 'succeeded'
              : 'notRecorded';
      return {
        actionId: action.actionId,
        moduleId: action.moduleId,
        objectId: action.objectId,
        displayName: action.displayName,
        kind: action.kind,
        wave: wave.index,
        result,
        error,
      };
    }),
  );
}

/** The report as CSV: module rows for a backup, action rows for a restore. */
export function jobReportCsv(report: JobReport): string {
  if (report.type === 'restore') {
    return toCsv(
      [
        'tenantId',
        'jobId',
        'wave',
        'actionId',
        'moduleId',
        'objectId',
        'displayName',
        'kind',
        'result',
        'error',
      ],
      report.actions.map((a) => [
        report.tenantId,
        report.jobId,
        a.wave,
        a.actionId,
        a.moduleId,
        a.objectId,
        a.displayName,
        a.kind,
        a.result,
        a.error,
      ]),
    );
  }
  return toCsv(
    [
      'tenantId',
      'jobId',
      'moduleId',
      'status',
      'mode',
      'objects',
      'added',
      'updated',
      'removed',
      'requests',
      'throttled',
      'durationMs',
      'warnings',
      'error',
    ],
    report.modules.map((m) => [
      report.tenantId,
      report.jobId,
      m.moduleId,
      m.status,
      m.mode,
      m.objects,
      m.added,
      m.updated,
      m.removed,
      m.requests,
      m.throttled,
      m.durationMs,
      m.warnings.join(' | '),
      m.error,
    ]),
  );
}
