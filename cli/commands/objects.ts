import type { Command } from 'commander';
import { findObjects, requireSnapshot } from '../../shared/backup/snapshotQueries';
import { getServices } from '../../shared/config/services';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { emit, table } from '../output';
import { globalOptions, run } from '../run';

export function registerObjectsCommand(program: Command): void {
  program
    .command('objects <snapshotId>')
    .description('Browse a snapshot by module, object id or text')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .option('--module <moduleId>', 'only this module')
    .option('--id <objectId>', 'only this object')
    .option('--search <text>', 'case-insensitive text anywhere in the object')
    .option('--limit <n>', 'at most this many objects', '50')
    .action(
      run(async (snapshotId: string, _opts, command: Command) => {
        const options = globalOptions(command);
        const tenantId = tenantIdSchema.parse(options.tenant);
        const { store } = await getServices();
        const manifest = await requireSnapshot(store, tenantId, snapshotId);
        const found = await findObjects(store, manifest, {
          module: options.module as string | undefined,
          id: options.id as string | undefined,
          search: options.search as string | undefined,
          limit: Number(options.limit),
        });
        emit(options, found, () => {
          if (options.id && found.objects.length === 1) {
            return JSON.stringify(found.objects[0].record, null, 2);
          }
          const rows = found.objects.map((o) => [
            o.moduleId,
            o.record.id,
            String(o.record.object.displayName ?? o.record.object.userPrincipalName ?? ''),
          ]);
          return (
            table(['module', 'id', 'name'], rows) +
            (found.truncated ? `\n… more objects: raise --limit or narrow the query` : '')
          );
        });
      }),
    );
}
