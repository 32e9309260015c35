import type { TenantState } from '../../tenantState';
import type { GenContext } from '../context';
import { Prng } from '../prng';
import {
  ENTRA_BACKUP_APP_ID,
  ENTRA_BACKUP_APP_NAME,
  ENTRA_BACKUP_GRANTED_PERMISSIONS,
  ENTRA_BACKUP_PUBLISHER_TENANT_ID,
  MICROSOFT_GRAPH_APP_ID,
} from '../wellKnown';
import { buildAppRoleAssignment } from './directoryObjects';
import { buildServicePrincipal } from './servicePrincipal';

/** Objects addEntraBackupApp adds to every generated tenant (for tests that count objects). */
export const ENTRA_BACKUP_APP_OBJECTS = {
  servicePrincipals: 1,
  appRoleAssignments: ENTRA_BACKUP_GRANTED_PERMISSIONS.length,
} as const;

/**
 * Adds entra-backup's service principal and its admin-consented Microsoft Graph application
 * permissions (ENTRA_BACKUP_GRANTED_PERMISSIONS). Runs after the preset's own objects, from its
 * own random stream, so the rest of the tenant is the same with or without it.
 */
export function addEntraBackupApp(tenant: TenantState, ctx: GenContext): void {
  const rng = Prng.forStream(ctx.seed, 'entraBackupApp');
  const graph = tenant.collections.servicePrincipals.find(
    (sp) => sp.appId === MICROSOFT_GRAPH_APP_ID,
  );
  if (!graph) throw new Error('the Microsoft Graph service principal must be generated first');
  const sp = buildServicePrincipal(ctx, rng, {
    appId: ENTRA_BACKUP_APP_ID,
    displayName: ENTRA_BACKUP_APP_NAME,
    appOwnerOrganizationId: ENTRA_BACKUP_PUBLISHER_TENANT_ID,
    servicePrincipalNames: [ENTRA_BACKUP_APP_ID],
    appRoles: [],
    oauth2PermissionScopes: [],
    signInAudience: 'AzureADMultipleOrgs',
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
  });
  tenant.collections.servicePrincipals.push(sp);
  const roles = graph.appRoles as Array<{ id: string; value: string }>;
  for (const permission of ENTRA_BACKUP_GRANTED_PERMISSIONS) {
    const role = roles.find((r) => r.value === permission);
    if (!role) throw new Error(`Microsoft Graph has no app role ${permission} (wellKnown.ts)`);
    tenant.collections.appRoleAssignments.push(
      buildAppRoleAssignment(
        rng,
        { id: sp.id, displayName: ENTRA_BACKUP_APP_NAME, type: 'ServicePrincipal' },
        graph,
        role.id,
      ),
    );
  }
}
