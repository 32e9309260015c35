import { isModuleId } from '../modules';
import { requiredPermissions, type RequiredPermissions } from '../modules/permissions';
import { isSatisfied } from './permissionSatisfaction';

export interface TenantPermissionStatus {
  tenantId: string;
  clientId: string;
  /** Microsoft Graph application permissions granted to our app in the tenant, sorted. */
  granted: string[];
  /** Required permissions not granted (not even through a superset), as in `backup` / `restore`. */
  missing: { backup: string[]; restore: string[] };
  /**
   * Modules a backup would skip (a read permission is missing), and modules that cannot be
   * restored (a read or a write permission they need is missing; planning a restore reads too).
   */
  modulesAffected: { backup: string[]; restore: string[] };
}

export interface PermissionReport extends RequiredPermissions {
  modules: string[];
  tenant?: TenantPermissionStatus;
}

/** Module ids that are not in the catalogue, in the order given. */
export function unknownModuleIds(moduleIds: readonly string[]): string[] {
  return moduleIds.filter((id) => !isModuleId(id));
}

/**
 * The permissions a backup and a restore of the modules need and, when the tenant's grants are
 * given, which of them are missing there and which modules that affects.
 */
export function permissionReport(
  moduleIds: readonly string[],
  tenant?: { tenantId: string; clientId: string; granted: readonly string[] },
): PermissionReport {
  const modules = [...new Set(moduleIds)];
  const required = requiredPermissions(modules, { restore: true });
  const report: PermissionReport = { modules, ...required };
  if (!tenant) return report;

  const granted = new Set(tenant.granted);
  const missing = (permissions: string[]) => permissions.filter((p) => !isSatisfied(p, granted));
  const affected = (pick: (need: RequiredPermissions) => string[]) =>
    modules
      .filter((id) => missing(pick(requiredPermissions([id], { restore: true }))).length > 0)
      .sort();
  report.tenant = {
    tenantId: tenant.tenantId,
    clientId: tenant.clientId,
    granted: [...granted].sort(),
    missing: { backup: missing(required.backup), restore: missing(required.restore) },
    modulesAffected: {
      backup: affected((need) => need.backup),
      restore: affected((need) => [...need.backup, ...need.restore]),
    },
  };
  return report;
}
