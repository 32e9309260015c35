import { graphForTenant } from '../config/graphConfig';
import { resolveClientId } from './clientIdentity';
import { readGrantedPermissions } from './grantedPermissions';
import { permissionReport, type PermissionReport } from './permissionReport';

/**
 * The permission report for modules in one managed tenant: what they need, what admin consent
 * granted our app there (read from Graph with the tenant's credential), what is missing.
 */
export async function tenantPermissionReport(
  tenantId: string,
  moduleIds: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<PermissionReport> {
  const clientId = await resolveClientId(tenantId, env);
  const grants = await readGrantedPermissions(graphForTenant(tenantId, env), tenantId, clientId);
  return permissionReport(moduleIds, { tenantId, clientId, granted: grants.granted });
}
