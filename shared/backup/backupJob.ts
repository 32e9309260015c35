import { getModule, resolveSelection } from '../modules';
import { defaultScope, modulesOfScope } from './backupScope';
import type { SnapshotManifest, ModuleManifest } from '../snapshots/manifest';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import { type JobRepository, TERMINAL_JOB_STATUSES } from '../state/jobRepository';
import type { ScopeRepository } from '../state/scopeRepository';
import type { AuditRepository } from '../state/auditRepository';
import type { TenantLeaseRepository } from '../state/tenantLease';
import { initialModuleState } from './moduleBackupState';
import type { BackupJobInput, BackupPlan, BackupSummary, ModuleResult } from './backupJobTypes';

export interface BackupJobDeps {
  store: SnapshotStore;
  jobs: JobRepository;
  scopes: ScopeRepository;
  audit: AuditRepository;
  leases?: TenantLeaseRepository;
}

/** Which modules a job backs up: the explicit selection, else the tenant's scope, else all. */
export async function selectModules(deps: BackupJobDeps, input: BackupJobInput): Promise<string[]> {
  if (input.modules && input.modules.length > 0) {
    return resolveSelection({ modules: input.modules });
  }
  const scope = await deps.scopes.get(input.tenantId);
  return modulesOfScope(scope ?? defaultScope()).selectedModules;
}

/**
 * Plans a backup: modules, and for delta-capable ones the previous snapshot's delta link, so the
 * job reads only changes and writes a synthetic full snapshot.
 */
export async function prepareBackup(
  deps: BackupJobDeps,
  input: BackupJobInput,
  startedAt: string,
): Promise<BackupPlan> {
  const moduleIds = await selectModules(deps, input);
  const previous = input.full
    ? undefined
    : await deps.store.latestSnapshot(input.tenantId, { succeededOnly: false });
  const warnings: string[] = [];
  const modules = moduleIds.map((moduleId) => {
    const module = getModule(moduleId);
    const base = previous?.modules[moduleId];
    const deltaLink =
      module.delta && base?.status === 'succeeded' && base.deltaLink ? base.deltaLink : undefined;
    return {
      moduleId,
      previousSnapshotId: deltaLink ? previous?.snapshotId : undefined,
      state: initialModuleState(deltaLink),
    };
  });
  const job = await deps.jobs.get(input.tenantId, input.jobId);
  if (job) await deps.jobs.update(job, { status: 'running', startedAt });
  return { startedAt, modules, warnings };
}

/** Objects in a module: chunk counts less records continued across a chunk boundary. */
export function countRecords(chunks: ModuleManifest['chunks']): number {
  let count = 0;
  chunks.forEach((chunk, i) => {
    count += chunk.count;
    if (i > 0 && chunk.firstId && chunk.firstId === chunks[i - 1].lastId) count--;
  });
  return count;
}

export function jobStatusOf(results: ModuleResult[]): BackupSummary['status'] {
  const failed = results.filter((r) => r.status === 'failed').length;
  if (failed === 0) return 'succeeded';
  const ran = results.filter((r) => r.status !== 'skipped').length;
  return failed === ran ? 'failed' : 'finishedWithExceptions';
}

/**
 * Commits a snapshot: the manifest is written last and is the commit marker. A job in which no
 * module succeeded writes no manifest, so it never becomes a recovery point.
 */
export async function commitSnapshot(
  deps: BackupJobDeps,
  input: BackupJobInput,
  plan: BackupPlan,
  results: ModuleResult[],
  finishedAt: string,
): Promise<BackupSummary> {
  const status = jobStatusOf(results);
  const modules: SnapshotManifest['modules'] = {};
  const summary: BackupSummary = {
    tenantId: input.tenantId,
    jobId: input.jobId,
    status,
    modules: {},
    objects: 0,
    warnings: [...plan.warnings],
  };
  for (const result of results) {
    const module = getModule(result.moduleId);
    const state = result.state;
    const count = state ? countRecords(state.chunks) : 0;
    modules[result.moduleId] = {
      status: result.status,
      graphVersion: module.graphVersion,
      mode: state?.mode ?? 'full',
      count,
      chunks: result.status === 'succeeded' && state ? state.chunks : [],
      deltaLink: result.status === 'succeeded' ? state?.deltaLink : undefined,
      changes: state?.changes,
      warnings: state?.warnings ?? [],
      error: result.error,
      requests: state?.requests,
      durationMs: result.durationMs,
    };
    summary.modules[result.moduleId] = {
      status: result.status,
      count,
      mode: state?.mode,
      changes: state?.changes,
      error: result.error,
      requests: state?.requests,
    };
    if (result.status === 'succeeded') summary.objects += count;
    for (const warning of state?.warnings ?? [])
      summary.warnings.push(`${result.moduleId}: ${warning}`);
    if (result.status === 'skipped') {
      summary.warnings.push(`${result.moduleId} skipped: ${result.error}`);
    }
  }
  for (const result of results) {
    await deps.store.deleteWork(input.tenantId, `${input.jobId}-${result.moduleId}`);
  }
  if (status !== 'failed') {
    const basedOn = plan.modules.find((m) => m.previousSnapshotId)?.previousSnapshotId;
    await deps.store.writeManifest({
      formatVersion: 1,
      tenantId: input.tenantId,
      snapshotId: input.snapshotId,
      jobId: input.jobId,
      kind: basedOn ? 'incremental' : 'full',
      basedOnSnapshotId: basedOn,
      startedAt: plan.startedAt,
      finishedAt,
      status,
      modules,
      warnings: summary.warnings,
    });
    summary.snapshotId = input.snapshotId;
  }
  const job = await deps.jobs.get(input.tenantId, input.jobId);
  if (job) {
    await deps.jobs.update(job, {
      status,
      finishedAt,
      snapshotId: summary.snapshotId,
      summary: compactSummary(summary),
      error: status === 'failed' ? firstError(results) : undefined,
    });
  }
  // After the row says the job ended: a start that sees the lease free sees the job done too.
  await deps.leases?.release(input.tenantId, 'backup', input.jobId);
  await deps.audit.record({
    tenantId: input.tenantId,
    actor: input.requestedBy,
    action: 'backup.completed',
    target: summary.snapshotId ?? input.jobId,
    outcome: status,
    details: { jobId: input.jobId, objects: summary.objects },
  });
  return summary;
}

/**
 * Ends a backup whose orchestration hit an error it cannot go on from (planning or commit threw):
 * the row says failed with the reason, and the tenant is free for the next backup. A row that
 * already ended (a replay after the commit) is left as it is.
 */
export async function failBackupJob(
  deps: BackupJobDeps,
  input: BackupJobInput,
  reason: string,
  finishedAt: string,
): Promise<void> {
  await deps.jobs.modify(input.tenantId, input.jobId, (job) =>
    TERMINAL_JOB_STATUSES.has(job.status) ? {} : { status: 'failed', finishedAt, error: reason },
  );
  await deps.leases?.release(input.tenantId, 'backup', input.jobId);
  await deps.audit.record({
    tenantId: input.tenantId,
    actor: input.requestedBy,
    action: 'backup.completed',
    target: input.jobId,
    outcome: 'failed',
    details: { jobId: input.jobId, reason },
  });
}

function firstError(results: ModuleResult[]): string | undefined {
  return results.find((r) => r.error)?.error?.slice(0, 1000);
}

/** Table rows stay small: per-module status and counts only. */
function compactSummary(summary: BackupSummary): Record<string, unknown> {
  return {
    objects: summary.objects,
    modules: Object.fromEntries(
      Object.entries(summary.modules).map(([id, m]) => [
        id,
        {
          status: m.status,
          count: m.count,
          mode: m.mode,
          changes: m.changes,
          error: m.error?.slice(0, 300),
        },
      ]),
    ),
  };
}
