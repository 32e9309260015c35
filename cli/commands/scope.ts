import type { Command } from 'commander';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { defaultScope, modulesOfScope, scopeToSave } from '../../shared/backup/backupScope';
import { getServices } from '../../shared/config/services';
import { emit } from '../output';
import { runAudited } from '../audit';
import { globalOptions, run } from '../run';

const list = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

function render(view: ReturnType<typeof modulesOfScope>): string {
  return [
    view.enableAll ? 'All modules are enabled.' : 'Modules enabled per category and module.',
    `Backups read ${view.selectedModules.length} module(s): ${view.selectedModules.join(', ')}`,
    view.newModules.length > 0
      ? `New since the scope was saved (off until enabled): ${view.newModules.join(', ')}`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function registerScopeCommand(program: Command): void {
  const scope = program.command('scope').description("What a tenant's backups include");

  scope
    .command('show')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const tenantId = tenantIdSchema.parse(options.tenant);
        const saved = await (await getServices()).scopes.get(tenantId);
        const view = modulesOfScope(saved ?? defaultScope());
        emit(options, view, () => render(view));
      }),
    );

  scope
    .command('set')
    .description('Enable all modules (--all), or categories and modules; --off turns modules off')
    .requiredOption('--tenant <tenantId>', 'managed tenant id')
    .option('--all', 'every module, including ones added by later releases')
    .option('--categories <names>', 'comma-separated categories to enable')
    .option('--modules <ids>', 'comma-separated modules to enable')
    .option('--off <ids>', 'comma-separated modules to keep off')
    .action(
      runAudited(
        'scope set',
        (o) => ({ tenantId: o.tenant, target: 'backupScope' }),
        async (_opts, command: Command) => {
          const options = globalOptions(command);
          const tenantId = tenantIdSchema.parse(options.tenant);
          const modules: Record<string, boolean> = {};
          for (const id of list(options.modules)) modules[id] = true;
          for (const id of list(options.off)) modules[id] = false;
          const categories = Object.fromEntries(list(options.categories).map((c) => [c, true]));
          const saved = scopeToSave({ enableAll: Boolean(options.all), categories, modules });
          await (await getServices()).scopes.put(tenantId, saved);
          const view = modulesOfScope(saved);
          emit(options, view, () => render(view));
        },
      ),
    );
}
