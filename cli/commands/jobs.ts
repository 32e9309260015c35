import type { Command } from 'commander';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { getServices } from '../../shared/config/services';
import { emit, table } from '../output';
import { globalOptions, run } from '../run';

export function registerJobsCommand(program: Command): void {
  program
    .command('jobs')
    .description('Recent backup and restore jobs of a tenant, newest first')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .option('--limit <n>', 'how many', '20')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const tenantId = tenantIdSchema.parse(options.tenant);
        const jobs = await (
          await getServices()
        ).jobs.list(tenantId, { limit: Number(options.limit) });
        emit(options, jobs, () =>
          table(
            ['job', 'type', 'status', 'started', 'finished', 'snapshot'],
            jobs.map((j) => [j.jobId, j.type, j.status, j.startedAt, j.finishedAt, j.snapshotId]),
          ),
        );
      }),
    );
}
