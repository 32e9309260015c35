import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { jobTypeSchema } from '../../shared/api/schemas/jobs';
import { getServices, type Services } from '../../shared/config/services';
import { listJobs, withLiveProgress } from '../../shared/jobs/jobMonitor';
import { buildJobReport, jobReportCsv } from '../../shared/jobs/jobReport';
import { JOB_STATUSES, type StoredJob } from '../../shared/state/jobRepository';
import { emit, table } from '../output';
import { globalOptions, run } from '../run';

const isoTime = z.iso.datetime({
  offset: true,
  message: 'times are ISO 8601, e.g. 2026-12-01T00:00:00Z',
});

/** A job id, or a restore id (`{tenantId}.{jobId}`), found in --tenant or in any tenant. */
async function findJob(services: Services, id: string, tenant: unknown): Promise<StoredJob> {
  const dot = id.indexOf('.');
  const [tenantPart, jobId] = dot > 0 ? [id.slice(0, dot), id.slice(dot + 1)] : [tenant, id];
  const tenantIds =
    tenantPart !== undefined
      ? [tenantIdSchema.parse(tenantPart).toLowerCase()]
      : (await services.tenants.list()).map((t) => t.tenantId);
  for (const tenantId of tenantIds) {
    const job = await services.jobs.get(tenantId, jobId);
    if (job) return job;
  }
  throw new Error(`Job ${id} was not found${tenantPart ? ` in tenant ${tenantPart}` : ''}.`);
}

export function registerJobsCommand(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('Job monitor: jobs of every kind across tenants, newest first')
    .option('--tenant <tenantId>', 'only this managed tenant')
    .option('--type <type>', 'backup, restore, retention, verify…')
    .option('--status <status>', JOB_STATUSES.join(', '))
    .option('--since <time>', 'started at or after (ISO 8601)')
    .option('--until <time>', 'started before (ISO 8601)')
    .option('--limit <n>', 'how many', '20')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const services = await getServices();
        const tenantIds = options.tenant
          ? [tenantIdSchema.parse(options.tenant).toLowerCase()]
          : (await services.tenants.list()).map((t) => t.tenantId);
        const rows = await listJobs(services, undefined, {
          tenantIds,
          type: options.type === undefined ? undefined : jobTypeSchema.parse(options.type),
          status:
            options.status === undefined ? undefined : z.enum(JOB_STATUSES).parse(options.status),
          since: options.since === undefined ? undefined : new Date(isoTime.parse(options.since)),
          until: options.until === undefined ? undefined : new Date(isoTime.parse(options.until)),
          limit: z.coerce.number().int().min(1).max(1000).parse(options.limit),
        });
        emit(options, rows, () =>
          table(
            ['tenant', 'job', 'type', 'status', 'started', 'finished', 'snapshot'],
            rows.map((j) => [
              j.tenantId,
              j.jobId,
              j.type,
              j.status,
              j.startedAt,
              j.finishedAt,
              j.snapshotId,
            ]),
          ),
        );
      }),
    );

  jobs
    .command('show <jobId>')
    .description('One job: status, progress and summary')
    .option('--tenant <tenantId>', 'the job’s tenant (searched in every tenant otherwise)')
    .action(
      run(async (jobId: string, _opts, command: Command) => {
        const options = globalOptions(command);
        const services = await getServices();
        const job = await withLiveProgress(
          await findJob(services, jobId, options.tenant),
          undefined,
        );
        emit(options, job, () =>
          [
            `${job.type} ${job.jobId} of ${job.tenantId}: ${job.status}`,
            `requested by ${job.requestedBy}, started ${job.startedAt}` +
              (job.finishedAt ? `, finished ${job.finishedAt}` : ''),
            ...(job.snapshotId ? [`snapshot ${job.snapshotId}`] : []),
            ...(job.error ? [`error: ${job.error}`] : []),
            ...(job.summary ? [JSON.stringify(job.summary, null, 2)] : []),
          ].join('\n'),
        );
      }),
    );

  jobs
    .command('report <jobId>')
    .description('Job report: per module (backup) or per action (restore); --csv for CSV')
    .option('--tenant <tenantId>', 'the job’s tenant (searched in every tenant otherwise)')
    .option('--csv', 'CSV instead of JSON')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(
      run(async (jobId: string, _opts, command: Command) => {
        const options = globalOptions(command);
        const services = await getServices();
        const job = await findJob(services, jobId, options.tenant);
        const report = await buildJobReport(services, job.tenantId, job.jobId);
        const text = options.csv ? jobReportCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
        if (options.output) {
          await writeFile(String(options.output), text);
          emit(options, { output: options.output }, () => `Wrote ${String(options.output)}.`);
        } else process.stdout.write(text);
      }),
    );
}
