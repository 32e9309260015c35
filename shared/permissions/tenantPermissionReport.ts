import { graphForTenant } from '../config/graphConfig';
import type { Tenant } from '../state/tenantRepository';
import { resolveClientId } from './clientIdentity';
import { readGrantedPermissions } from './grantedPermissions';
import { permissionReport, type PermissionReport } from './permissionReport';

/**
 * The permission report for modules in one managed tenant: what they need, what admin consent
 * granted our app there (read from Graph with that tenant's own credential), what is missing.
 */
export async function tenantPermissionReport(
  tenant: Tenant,
  moduleIds: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<PermissionReport> {
  const graph = await graphForTenant(tenant, { env });
  const clientId = await resolveClientId(tenant, graph, env);
  const grants = await readGrantedPermissions(graph, tenant.tenantId, clientId);
  return permissionReport(moduleIds, {
    tenantId: tenant.tenantId,
    clientId,
    granted: grants.granted,
  });
}
