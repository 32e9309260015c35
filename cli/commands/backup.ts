import type { Command } from 'commander';
import { isApiError } from '../../shared/api/errors';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import type { BackupSummary } from '../../shared/backup/backupJobTypes';
import { backupInstanceId, startBackup } from '../../shared/backup/startBackup';
import { EXIT, emit, table } from '../output';
import { startLocalRuntime } from '../localRuntime';
import { cliActor, runAudited } from '../audit';
import { globalOptions } from '../run';
import { waitForOrchestration } from '../waitForOrchestration';

export function exitCodeFor(status: BackupSummary['status'] | undefined): number {
  if (status === 'succeeded') return EXIT.ok;
  if (status === 'finishedWithExceptions') return EXIT.finishedWithExceptions;
  return EXIT.failed;
}

export function renderBackupSummary(summary: BackupSummary, seconds: number): string {
  const rows = Object.entries(summary.modules).map(([id, m]) => [
    id,
    m.status,
    m.mode,
    m.count,
    m.changes ? `+${m.changes.added} ~${m.changes.updated} -${m.changes.removed}` : '',
    m.requests,
    m.error ? m.error.slice(0, 60) : '',
  ]);
  return [
    `Backup ${summary.jobId}: ${summary.status} — ${summary.objects} objects in ${seconds.toFixed(1)} s`,
    summary.snapshotId ? `Snapshot ${summary.snapshotId}` : 'No snapshot was committed.',
    '',
    table(['module', 'status', 'mode', 'objects', 'changes', 'requests', 'error'], rows),
    ...summary.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Back up a tenant now (incremental where a previous snapshot allows)')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .option('--modules <ids>', 'comma-separated module ids (default: the tenant scope)')
    .option('--full', 'ignore delta links and read everything')
    .action(
      runAudited(
        'backup',
        (o) => ({ tenantId: o.tenant, target: String(o.modules ?? 'scope') }),
        async (_opts, command: Command) => {
          const options = globalOptions(command);
          const tenantId = tenantIdSchema.parse(options.tenant);
          const modules = (options.modules as string | undefined)?.split(',').map((m) => m.trim());
          const runtime = await startLocalRuntime();
          const started = Date.now();
          try {
            let instanceId = backupInstanceId(tenantId);
            try {
              await startBackup(runtime.services, runtime.runner, {
                tenantId,
                modules,
                full: Boolean(options.full),
                requestedBy: cliActor(),
              });
            } catch (error) {
              // A backup interrupted earlier was resumed by the runtime: follow it instead.
              if (!(isApiError(error) && error.status === 409)) throw error;
              process.stderr.write(`${error.message} Following it.\n`);
              instanceId = backupInstanceId(tenantId);
            }
            const status = await waitForOrchestration(runtime.runner, instanceId, {
              showProgress: !options.json,
            });
            if (status.runtimeStatus !== 'Completed') {
              throw new Error(
                `backup orchestration ended ${status.runtimeStatus}: ${JSON.stringify(status.output)}`,
              );
            }
            const summary = status.output as BackupSummary;
            emit(options, summary, () =>
              renderBackupSummary(summary, (Date.now() - started) / 1000),
            );
            return exitCodeFor(summary.status);
          } finally {
            await runtime.stop();
          }
        },
      ),
    );
}
