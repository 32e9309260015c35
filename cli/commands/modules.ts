import type { Command } from 'commander';
import { ALL_MODULES } from '../../shared/modules';
import type { ModuleDefinition } from '../../shared/modules/types';
import { emit, table } from '../output';
import { globalOptions, run } from '../run';

export function restoreStrategyLabel(module: ModuleDefinition): string {
  const restore = module.restore;
  if (restore.kind === 'backupOnly') return `backup-only: ${restore.reason}`;
  if (restore.kind === 'singleton') return `singleton ${restore.method}`;
  return [
    restore.immutable ? 'create/delete' : `create/${restore.updateMethod ?? 'PATCH'}`,
    restore.softDelete ? 'soft-delete restore' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function registerModulesCommand(program: Command): void {
  program
    .command('modules')
    .description(
      'The module catalogue: what can be backed up and restored, and with which permissions',
    )
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const rows = ALL_MODULES.map((m) => ({
          id: m.id,
          displayName: m.displayName,
          category: m.category,
          graphVersion: m.graphVersion,
          delta: Boolean(m.delta),
          restore: restoreStrategyLabel(m),
          readPermissions: m.permissions.read,
          writePermissions: m.permissions.write,
        }));
        emit(options, rows, () =>
          table(
            ['module', 'category', 'graph', 'delta', 'restore', 'read', 'write'],
            rows.map((r) => [
              r.id,
              r.category,
              r.graphVersion,
              r.delta ? 'yes' : '',
              r.restore,
              r.readPermissions.join(' '),
              r.writePermissions.join(' '),
            ]),
          ),
        );
      }),
    );
}
