import type { Command } from 'commander';
import { notFound } from '../../shared/api/errors';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { getServices } from '../../shared/config/services';
import { TenantPermissionsError } from '../../shared/permissions/errors';
import {
  permissionModuleSelection,
  tenantModuleSelection,
} from '../../shared/permissions/moduleSelection';
import { TenantCredentialError } from '../../shared/tenants/tenantCredential';
import { permissionReport, type PermissionReport } from '../../shared/permissions/permissionReport';
import { tenantPermissionReport } from '../../shared/permissions/tenantPermissionReport';
import { EXIT, emit, reportError } from '../output';
import { globalOptions, run } from '../run';

const list = (items: string[], none = '  (none)'): string[] =>
  items.length > 0 ? items.map((item) => `  ${item}`) : [none];

export function renderPermissionReport(report: PermissionReport): string {
  const delegated =
    report.delegatedOnly.length === 0
      ? []
      : [
          '',
          'Delegated only (no application permission exists; app-only backups skip them):',
          ...report.delegatedOnly.map(
            (d) => `  ${d.module} (${d.delegatedPermissions.join(', ')}): ${d.reason}`,
          ),
        ];
  const lines = [
    `Backup (read) permissions for ${report.modules.length} module(s):`,
    ...list(report.backup),
    '',
    'Restore adds (write):',
    ...list(report.restore),
    ...delegated,
  ];
  const tenant = report.tenant;
  if (!tenant) return lines.join('\n');
  const granted = new Set(tenant.granted);
  const status = (permissions: string[], missing: string[]) =>
    permissions.map((p) => `  ${missing.includes(p) ? 'missing ' : 'granted '} ${p}`);
  return [
    `Tenant ${tenant.tenantId}, app ${tenant.clientId}: ${granted.size} Graph permission(s) granted`,
    '',
    `Backup (read) permissions for ${report.modules.length} module(s):`,
    ...status(report.backup, tenant.missing.backup),
    '',
    'Restore adds (write):',
    ...status(report.restore, tenant.missing.restore),
    '',
    'Modules a backup would skip:',
    ...list(tenant.modulesAffected.backup),
    'Modules that cannot be restored:',
    ...list(tenant.modulesAffected.restore),
    ...delegated,
  ].join('\n');
}

/** 0 when a backup of the modules has every permission it needs, 3 when some would be skipped. */
export function exitCodeForReport(report: PermissionReport): number {
  return report.tenant && report.tenant.missing.backup.length > 0
    ? EXIT.finishedWithExceptions
    : EXIT.ok;
}

export function registerPermissionsCommand(program: Command): void {
  program
    .command('permissions')
    .description(
      'Least-privilege Microsoft Graph application permissions for a module selection; with ' +
        '--tenant, which are granted there and which are missing (exit code 3 when a backup ' +
        'would skip modules)',
    )
    .option('--modules <ids>', 'comma-separated module ids (default: all)')
    .option(
      '--tenant <tenantId>',
      "a registered tenant: compare with what is granted there, with that tenant's credential " +
        '(default modules: its backup scope)',
    )
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const requested = (options.modules as string | undefined)
          ?.split(',')
          .map((m) => m.trim())
          .filter(Boolean);
        const ids = permissionModuleSelection(requested);
        if (options.tenant === undefined) {
          const report = permissionReport(ids);
          emit(options, report, () => renderPermissionReport(report));
          return EXIT.ok;
        }
        const tenantId = tenantIdSchema.parse(options.tenant);
        const services = await getServices();
        const tenant = await services.tenants.get(tenantId);
        if (!tenant) {
          throw notFound(`Tenant ${tenantId} is not registered.`, { tenantId });
        }
        let report: PermissionReport;
        try {
          const scoped = await tenantModuleSelection(services.scopes, tenantId, requested);
          report = await tenantPermissionReport(tenant, scoped);
        } catch (error) {
          // Not bad input: the tenant's consent or credential is the problem: a failure (1).
          if (error instanceof TenantPermissionsError || error instanceof TenantCredentialError) {
            reportError(options, error);
            return EXIT.failed;
          }
          throw error;
        }
        emit(options, report, () => renderPermissionReport(report));
        return exitCodeForReport(report);
      }),
    );
}
