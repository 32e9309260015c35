import type { Command } from 'commander';
import { ALL_MODULES } from '../../shared/modules';
import { requiredPermissions } from '../../shared/modules/permissions';
import { emit } from '../output';
import { globalOptions, run } from '../run';

export function registerPermissionsCommand(program: Command): void {
  program
    .command('permissions')
    .description('Least-privilege Microsoft Graph application permissions for a module selection')
    .option('--modules <ids>', 'comma-separated module ids (default: all)')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const ids =
          (options.modules as string | undefined)?.split(',').map((m) => m.trim()) ??
          ALL_MODULES.map((m) => m.id);
        const permissions = requiredPermissions(ids, { restore: true });
        emit(options, { modules: ids, ...permissions }, () =>
          [
            `Backup (read) permissions for ${ids.length} module(s):`,
            ...permissions.backup.map((p) => `  ${p}`),
            '',
            'Restore adds (write):',
            ...permissions.restore.map((p) => `  ${p}`),
          ].join('\n'),
        );
      }),
    );
}
