import type { OrchestrationClient } from '../api/orchestrationClient';
import type { Services } from '../config/services';
import { type JobListOptions, type StoredJob, TERMINAL_JOB_STATUSES } from '../state/jobRepository';

/**
 * The job monitor: every job type (backup, restore, and any kind another part adds, such as
 * retention or verify) of the tenants a caller may see, newest first, with live progress from
 * the orchestration while a job runs.
 */
export interface JobMonitorFilter {
  /** Tenants to look at: the caller's visible ones, already narrowed by a tenant filter. */
  tenantIds: readonly string[];
  type?: string;
  status?: JobListOptions['status'];
  since?: Date;
  until?: Date;
  /** Default 50, at most 1000. */
  limit?: number;
}

export interface JobMonitorRow {
  tenantId: string;
  jobId: string;
  type: string;
  status: string;
  requestedBy: string;
  startedAt: string;
  finishedAt?: string;
  snapshotId?: string;
  /** Live orchestration progress while running; the stored progress otherwise. */
  progress?: unknown;
  summary?: unknown;
  error?: string;
  running: boolean;
}

export async function listJobs(
  services: Services,
  client: OrchestrationClient | undefined,
  filter: JobMonitorFilter,
): Promise<JobMonitorRow[]> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 1000);
  const perTenant = await Promise.all(
    filter.tenantIds.map((tenantId) =>
      services.jobs.list(tenantId, {
        limit,
        type: filter.type,
        status: filter.status,
        since: filter.since,
        until: filter.until,
      }),
    ),
  );
  // Job ids start with their creation time (UTC, fixed width): a string sort is a time sort.
  const newest = perTenant
    .flat()
    .sort((a, b) => (a.jobId < b.jobId ? 1 : a.jobId > b.jobId ? -1 : 0))
    .slice(0, limit);
  return Promise.all(newest.map((job) => withLiveProgress(job, client)));
}

export async function withLiveProgress(
  job: StoredJob,
  client: OrchestrationClient | undefined,
): Promise<JobMonitorRow> {
  const { etag: _etag, instanceId: _instanceId, ...row } = job;
  const running = !TERMINAL_JOB_STATUSES.has(job.status);
  let progress: unknown = job.progress;
  let status: string = job.status;
  if (running && client) {
    const orchestration = await client.getStatus(job.instanceId);
    if (orchestration && sameJob(orchestration.input, job.jobId)) {
      progress = orchestration.customStatus ?? progress;
      // A crashed orchestration never wrote its job row: say so instead of "running" forever.
      if (orchestration.runtimeStatus === 'Failed' || orchestration.runtimeStatus === 'Terminated')
        status = 'failed';
    }
  }
  return { ...row, status, progress, running: running && status !== 'failed' };
}

/** Backups reuse one instance id per tenant: the instance must still be running this job. */
export function sameJob(input: unknown, jobId: string): boolean {
  const { jobId: inputJobId, restoreId } = (input ?? {}) as { jobId?: string; restoreId?: string };
  if (inputJobId !== undefined) return inputJobId === jobId;
  if (restoreId !== undefined) return restoreId.endsWith(`.${jobId}`);
  return true;
}
