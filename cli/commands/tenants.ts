import type { Command } from 'commander';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { getServices } from '../../shared/config/services';
import { registerTenant } from '../../shared/tenants/registerTenant';
import { emit, table } from '../output';
import { runAudited } from '../audit';
import { globalOptions, run } from '../run';

export function registerTenantsCommand(program: Command): void {
  const tenants = program.command('tenants').description('Managed tenants');

  tenants
    .command('add <tenantId>')
    .description('Register (or rename) a managed tenant')
    .requiredOption('--name <displayName>', 'display name')
    .action(
      runAudited(
        'tenants add',
        (_o, [id]) => ({ tenantId: id, target: id ?? '' }),
        async (tenantId: string, _opts, command: Command) => {
          const options = globalOptions(command);
          const tenant = await registerTenant(
            await getServices(),
            tenantIdSchema.parse(tenantId),
            String(options.name),
          );
          emit(
            options,
            tenant,
            () => `Registered tenant ${tenant.tenantId} (${tenant.displayName}).`,
          );
        },
      ),
    );

  tenants
    .command('list')
    .description('Registered tenants')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const list = await (await getServices()).tenants.list();
        emit(options, list, () =>
          list.length === 0
            ? 'No tenants registered: entra-backup tenants add <tenantId> --name <name>'
            : table(
                ['tenant', 'name', 'credential'],
                list.map((t) => [t.tenantId, t.displayName, t.credential.kind]),
              ),
        );
      }),
    );
}
