import type { TenantState } from '../tenantState';

/** A TenantState with every collection, child map and relationship map present and empty. */
export function emptyTenant(tenantId: string): TenantState {
  return {
    tenantId,
    collections: {
      users: [],
      groups: [],
      administrativeUnits: [],
      directoryRoles: [],
      directoryRoleTemplates: [],
      roleDefinitions: [],
      roleAssignments: [],
      applications: [],
      servicePrincipals: [],
      appRoleAssignments: [],
      oauth2PermissionGrants: [],
      conditionalAccessPolicies: [],
      namedLocations: [],
      organization: [],
    },
    children: { federatedIdentityCredentials: {}, extensionProperties: {} },
    singletons: {},
    relationships: {
      groupMembers: {},
      groupOwners: {},
      administrativeUnitMembers: {},
      directoryRoleMembers: {},
      applicationOwners: {},
      servicePrincipalOwners: {},
      userManager: {},
    },
    deleted: { users: [], groups: [], applications: [] },
  };
}
