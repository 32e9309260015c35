/**
 * The simulator's tenant as plain JSON: what the generator produces, what export/load use, and
 * what tests compare before and after. Object shapes are Graph's (v1.0), with `@odata.type` on
 * polymorphic types. Relationships are id lists keyed by the owning object's id.
 */
export type GraphObject = Record<string, unknown> & { id: string };

export interface TenantState {
  tenantId: string;
  /** Collections by resource name (the keys below are the ones the simulator serves). */
  collections: {
    users: GraphObject[];
    groups: GraphObject[];
    administrativeUnits: GraphObject[];
    directoryRoles: GraphObject[];
    directoryRoleTemplates: GraphObject[];
    roleDefinitions: GraphObject[];
    roleAssignments: GraphObject[];
    applications: GraphObject[];
    servicePrincipals: GraphObject[];
    /** All app role assignments; served under servicePrincipals/{resourceId}/appRoleAssignedTo and principals' appRoleAssignments. */
    appRoleAssignments: GraphObject[];
    oauth2PermissionGrants: GraphObject[];
    conditionalAccessPolicies: GraphObject[];
    namedLocations: GraphObject[];
    organization: GraphObject[];
    [resource: string]: GraphObject[];
  };
  /** Child collections keyed by parent id: federatedIdentityCredentials and extensionProperties (parent = application id). */
  children: {
    federatedIdentityCredentials: Record<string, GraphObject[]>;
    extensionProperties: Record<string, GraphObject[]>;
    [name: string]: Record<string, GraphObject[]>;
  };
  /** Singletons by resource name: authenticationMethodsPolicy, authorizationPolicy. */
  singletons: Record<string, GraphObject>;
  /** Links keyed by owner id. */
  relationships: {
    groupMembers: Record<string, string[]>;
    groupOwners: Record<string, string[]>;
    administrativeUnitMembers: Record<string, string[]>;
    directoryRoleMembers: Record<string, string[]>;
    applicationOwners: Record<string, string[]>;
    servicePrincipalOwners: Record<string, string[]>;
    /** userId → managerId */
    userManager: Record<string, string>;
    [name: string]: Record<string, string[]> | Record<string, string>;
  };
  /** Soft-deleted objects by resource name, with `deletedDateTime` set. */
  deleted: Record<string, GraphObject[]>;
}
