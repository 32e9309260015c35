import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import { formatTimestamp, parseSnapshotId, randomSuffix } from '../snapshots/snapshotId';
import {
  assertEntityFits,
  assertKey,
  compact,
  fromJsonField,
  parseWith,
  rethrowConflict,
  statusOf,
  toJsonField,
  truncateText,
} from './entityCodec';
import { StateValidationError } from './errors';
import { stateTableClient } from './tables';

/**
 * Backup and restore jobs: PartitionKey tenantId, RowKey the job id in reverse-time form, so a
 * partition scan lists the newest first. Progress and summary are small JSON fields; anything
 * larger belongs in a blob.
 */

export const JOB_TYPES = ['backup', 'restore'] as const;
export const JOB_STATUSES = [
  'queued',
  'running',
  /** A restore plan waits for a person or an automation to confirm its hash. */
  'awaitingConfirmation',
  'succeeded',
  'finishedWithExceptions',
  'failed',
  'cancelled',
] as const;
export type JobType = (typeof JOB_TYPES)[number];
export type JobStatus = (typeof JOB_STATUSES)[number];
export const TERMINAL_JOB_STATUSES: ReadonlySet<JobStatus> = new Set([
  'succeeded',
  'finishedWithExceptions',
  'failed',
  'cancelled',
]);

/** Longer error texts are cut rather than refused, so recording a failure never fails. */
export const MAX_JOB_ERROR_CHARS = 4000;

const isoDateTime = z.iso.datetime({ offset: true });
const jsonObject = z.record(z.string(), z.unknown());

export const jobSchema = z.object({
  tenantId: z.string().min(1).max(128),
  jobId: z.string().refine(isJobId, 'not a job id (e.g. 20261123T194500123Z-ab12)'),
  type: z.enum(JOB_TYPES),
  status: z.enum(JOB_STATUSES),
  requestedBy: z.string().min(1).max(512),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.optional(),
  snapshotId: z.string().min(1).max(128).optional(),
  instanceId: z.string().min(1).max(256),
  progress: jsonObject.optional(),
  summary: jsonObject.optional(),
  error: z.string().optional(),
});
export type Job = z.infer<typeof jobSchema>;
export type StoredJob = Job & { etag: string };
export type JobPatch = Partial<Omit<Job, 'tenantId' | 'jobId' | 'type'>>;

/** Same shape as a snapshot id: `20261123T194500123Z-ab12` (time order when sorted ascending). */
export function newJobId(now: Date, suffix: string = randomSuffix()): string {
  if (!/^[a-z0-9]{1,16}$/.test(suffix)) throw new Error(`Invalid job id suffix "${suffix}".`);
  return `${formatTimestamp(now)}-${suffix}`;
}

export function isJobId(value: string): boolean {
  try {
    parseSnapshotId(value);
    return true;
  } catch {
    return false;
  }
}

// 10^15 ms is year 33658: every valid Date's reversed value fits in 15 digits.
const REVERSE_BASE = 999_999_999_999_999;

/** Reversed milliseconds, zero-padded: later times give smaller strings. */
export function reverseTimeKey(time: Date): string {
  return String(REVERSE_BASE - time.getTime()).padStart(15, '0');
}

/** The RowKey of a job: reverse-time, so the newest job sorts first in its partition. */
export function jobRowKey(jobId: string): string {
  const { createdAt, suffix } = (() => {
    try {
      return parseSnapshotId(jobId);
    } catch {
      throw new StateValidationError(`"${String(jobId).slice(0, 80)}" is not a job id.`);
    }
  })();
  return `${reverseTimeKey(createdAt)}-${suffix}`;
}

export interface JobListOptions {
  /** Default 50, at most 1000. */
  limit?: number;
  /** A job type; a string so kinds other helpers add (retention, verify) filter the same way. */
  type?: JobType | (string & {});
  status?: JobStatus;
  /** Only jobs created at or after this time (the job id's time). */
  since?: Date;
  /** Only jobs created before this time. */
  until?: Date;
}

export class JobRepository {
  constructor(readonly table: TableClient = stateTableClient('jobs')) {}

  /** Creates the job row; ConcurrencyError if the job id is already taken. */
  async create(job: Job): Promise<StoredJob> {
    const valid = parseWith(jobSchema, normaliseError(job), 'job');
    try {
      const result = await this.table.createEntity(toEntity(valid));
      return { ...valid, etag: result.etag ?? '' };
    } catch (error) {
      return rethrowConflict(error, `Job ${valid.tenantId}/${valid.jobId}`);
    }
  }

  async get(tenantId: string, jobId: string): Promise<StoredJob | undefined> {
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(
        assertKey('tenant id', tenantId),
        jobRowKey(jobId),
      );
      return fromEntity(entity);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Applies `patch` to the job as read (a key set to undefined removes that field) and writes it
   * only if the row is unchanged since; otherwise ConcurrencyError.
   */
  async update(job: StoredJob, patch: JobPatch): Promise<StoredJob> {
    const { etag, ...current } = job;
    const next: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'tenantId' || key === 'jobId' || key === 'type') continue;
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    const valid = parseWith(jobSchema, normaliseError(next as Job), 'job');
    try {
      const result = await this.table.updateEntity(toEntity(valid), 'Replace', {
        etag: etag || '*',
      });
      return { ...valid, etag: result.etag ?? '' };
    } catch (error) {
      return rethrowConflict(error, `Job ${valid.tenantId}/${valid.jobId}`);
    }
  }

  /**
   * Reads, patches and writes, retrying on concurrent changes: for writers that do not care what
   * else changed (progress updates). `patchFor` sees the latest row each attempt.
   */
  async modify(
    tenantId: string,
    jobId: string,
    patchFor: (job: StoredJob) => JobPatch | Promise<JobPatch>,
    attempts = 5,
  ): Promise<StoredJob | undefined> {
    for (let attempt = 1; ; attempt++) {
      const job = await this.get(tenantId, jobId);
      if (!job) return undefined;
      try {
        return await this.update(job, await patchFor(job));
      } catch (error) {
        if (attempt >= attempts || (error as { code?: string }).code !== 'concurrencyConflict') {
          throw error;
        }
      }
    }
  }

  /**
   * Removes a job row: only for a start that wrote it and then could not start its
   * orchestration, so no row is left that nothing will ever finish. True when a row was removed.
   */
  async delete(tenantId: string, jobId: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(assertKey('tenant id', tenantId), jobRowKey(jobId));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  /** A tenant's jobs, newest first. */
  async list(tenantId: string, options: JobListOptions = {}): Promise<StoredJob[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
    let filter = odata`PartitionKey eq ${assertKey('tenant id', tenantId)}`;
    if (options.type) filter += ` and ${odata`type eq ${options.type}`}`;
    if (options.status) filter += ` and ${odata`status eq ${options.status}`}`;
    // Reverse-time row keys: later jobs have smaller keys; '~' sorts after every id suffix.
    if (options.since) filter += ` and ${odata`RowKey le ${`${reverseTimeKey(options.since)}-~`}`}`;
    if (options.until) filter += ` and ${odata`RowKey gt ${`${reverseTimeKey(options.until)}-~`}`}`;
    const jobs: StoredJob[] = [];
    const pages = this.table
      .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
      .byPage({ maxPageSize: Math.min(limit, 1000) });
    for await (const page of pages) {
      for (const entity of page) {
        jobs.push(fromEntity(entity));
        if (jobs.length >= limit) return jobs;
      }
    }
    return jobs;
  }
}

function normaliseError(job: Job): Job {
  return job.error === undefined
    ? job
    : { ...job, error: truncateText(job.error, MAX_JOB_ERROR_CHARS) };
}

function toEntity(job: Job) {
  const entity = compact({
    partitionKey: assertKey('tenant id', job.tenantId),
    rowKey: jobRowKey(job.jobId),
    jobId: job.jobId,
    type: job.type,
    status: job.status,
    requestedBy: job.requestedBy,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    snapshotId: job.snapshotId,
    instanceId: job.instanceId,
    progress: toJsonField('progress', job.progress),
    summary: toJsonField('summary', job.summary),
    error: job.error,
  });
  assertEntityFits(entity, `job ${job.tenantId}/${job.jobId}`);
  return entity;
}

function fromEntity(entity: TableEntityResult<Record<string, unknown>>): StoredJob {
  const job = parseWith(
    jobSchema,
    {
      tenantId: entity.partitionKey,
      jobId: entity.jobId,
      type: entity.type,
      status: entity.status,
      requestedBy: entity.requestedBy,
      startedAt: entity.startedAt,
      finishedAt: entity.finishedAt ?? undefined,
      snapshotId: entity.snapshotId ?? undefined,
      instanceId: entity.instanceId,
      progress: fromJsonField(entity.progress),
      summary: fromJsonField(entity.summary),
      error: entity.error ?? undefined,
    },
    `stored job ${entity.partitionKey}/${String(entity.jobId)}`,
  );
  return { ...job, etag: entity.etag };
}
