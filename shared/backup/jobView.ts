import type { OrchestrationClient } from '../api/orchestrationClient';
import { notFound } from '../api/errors';
import type { Services } from '../config/services';

export interface JobView {
  tenantId: string;
  jobId: string;
  type: string;
  status: string;
  requestedBy?: string;
  startedAt?: string;
  finishedAt?: string;
  snapshotId?: string;
  progress?: unknown;
  summary?: unknown;
  error?: string;
  /** True while the job can still change: callers poll until it is false. */
  running: boolean;
}

const FINAL = new Set(['succeeded', 'finishedWithExceptions', 'failed', 'cancelled']);

/** A job row, with live progress from its orchestration while it runs. */
export async function getJobView(
  services: Services,
  client: OrchestrationClient,
  tenantId: string,
  jobId: string,
): Promise<JobView> {
  const job = await services.jobs.get(tenantId, jobId);
  if (!job)
    throw notFound(`Job ${jobId} was not found for tenant ${tenantId}.`, { tenantId, jobId });
  const running = !FINAL.has(job.status);
  let progress: unknown = job.progress;
  let status: string = job.status;
  if (running && job.instanceId) {
    const orchestration = await client.getStatus(job.instanceId);
    const sameJob = (orchestration?.input as { jobId?: string } | undefined)?.jobId === jobId;
    if (orchestration && sameJob) {
      progress = orchestration.customStatus ?? progress;
      if (
        orchestration.runtimeStatus === 'Failed' ||
        orchestration.runtimeStatus === 'Terminated'
      ) {
        status = 'failed';
      }
    }
  }
  return {
    tenantId,
    jobId,
    type: job.type,
    status,
    requestedBy: job.requestedBy,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    snapshotId: job.snapshotId,
    progress,
    summary: job.summary,
    error: job.error,
    running: running && status !== 'failed',
  };
}
