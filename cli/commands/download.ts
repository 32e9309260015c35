import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { requireSnapshot } from '../../shared/backup/snapshotQueries';
import { getServices } from '../../shared/config/services';
import { writeSnapshotZip } from '../../shared/snapshots/zipExport';
import { emit } from '../output';
import { globalOptions, run } from '../run';

export function registerDownloadCommand(program: Command): void {
  program
    .command('download <snapshotId>')
    .description('ZIP of JSON: the whole tenant, one module (--module) or one object (--id)')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .requiredOption('-o, --output <file>', 'where to write the ZIP')
    .option('--module <moduleId>', 'only this module')
    .option('--id <objectId>', 'only this object')
    .action(
      run(async (snapshotId: string, _opts, command: Command) => {
        const options = globalOptions(command);
        const tenantId = tenantIdSchema.parse(options.tenant);
        const { store } = await getServices();
        const manifest = await requireSnapshot(store, tenantId, snapshotId);
        const output = String(options.output);
        const result = await writeSnapshotZip(
          store,
          manifest,
          {
            moduleId: options.module as string | undefined,
            objectId: options.id as string | undefined,
          },
          createWriteStream(output),
        );
        emit(
          options,
          { output, files: result.files },
          () => `Wrote ${result.files} files to ${output}.`,
        );
      }),
    );
}
