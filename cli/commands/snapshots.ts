import type { Command } from 'commander';
import { requireSnapshot } from '../../shared/backup/snapshotQueries';
import { getServices } from '../../shared/config/services';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { emit, table } from '../output';
import { globalOptions, run } from '../run';

export function registerSnapshotsCommand(program: Command): void {
  const snapshots = program.command('snapshots').description('List and inspect recovery points');

  snapshots
    .command('list')
    .description('Committed snapshots of a tenant, newest first')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const tenantId = tenantIdSchema.parse(options.tenant);
        const list = await (await getServices()).store.listSnapshots(tenantId);
        emit(options, list, () =>
          list.length === 0
            ? `No snapshots for tenant ${tenantId}.`
            : table(
                ['snapshot', 'kind', 'status', 'objects', 'finished'],
                list.map((s) => [s.snapshotId, s.kind, s.status, s.objects, s.finishedAt]),
              ),
        );
      }),
    );

  snapshots
    .command('show <snapshotId>')
    .description('A snapshot manifest: per-module counts, changes, warnings')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .action(
      run(async (snapshotId: string, _opts, command: Command) => {
        const options = globalOptions(command);
        const tenantId = tenantIdSchema.parse(options.tenant);
        const manifest = await requireSnapshot((await getServices()).store, tenantId, snapshotId);
        emit(options, manifest, () =>
          [
            `Snapshot ${manifest.snapshotId} (${manifest.kind}, ${manifest.status})`,
            `  started ${manifest.startedAt}, finished ${manifest.finishedAt}`,
            manifest.basedOnSnapshotId ? `  based on ${manifest.basedOnSnapshotId}` : '',
            '',
            table(
              ['module', 'status', 'mode', 'objects', 'added', 'updated', 'removed', 'chunks'],
              Object.entries(manifest.modules).map(([id, m]) => [
                id,
                m.status,
                m.mode,
                m.count,
                m.changes?.added,
                m.changes?.updated,
                m.changes?.removed,
                m.chunks.length,
              ]),
            ),
            ...manifest.warnings.map((w) => `warning: ${w}`),
          ]
            .filter((line) => line !== '')
            .join('\n'),
        );
      }),
    );
}
