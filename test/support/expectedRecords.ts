import type { TenantState, GraphObject } from '../simulator/tenantState';

/**
 * What a backup of a module must hold, read straight from the simulator's tenant state (not
 * through Graph), so a backup is checked against the source of truth.
 */
export interface ExpectedRecord {
  id: string;
  object: GraphObject;
  relationships: Record<string, string[]>;
  children: Record<string, GraphObject[]>;
}

type Source =
  | {
      collection: string;
      relationships?: Record<string, string>;
      children?: Record<string, (s: TenantState, id: string) => GraphObject[]>;
    }
  | { singleton: string };

const SOURCES: Record<string, Source> = {
  users: { collection: 'users', relationships: { manager: 'userManager' } },
  groups: {
    collection: 'groups',
    relationships: { members: 'groupMembers', owners: 'groupOwners' },
  },
  administrativeUnits: {
    collection: 'administrativeUnits',
    relationships: { members: 'administrativeUnitMembers' },
  },
  directoryRoles: {
    collection: 'directoryRoles',
    relationships: { members: 'directoryRoleMembers' },
  },
  roleDefinitions: { collection: 'roleDefinitions' },
  roleAssignments: { collection: 'roleAssignments' },
  applications: {
    collection: 'applications',
    relationships: { owners: 'applicationOwners' },
    children: {
      federatedIdentityCredentials: (s, id) => s.children.federatedIdentityCredentials[id] ?? [],
      extensionProperties: (s, id) => s.children.extensionProperties[id] ?? [],
    },
  },
  servicePrincipals: {
    collection: 'servicePrincipals',
    relationships: { owners: 'servicePrincipalOwners' },
    children: {
      appRoleAssignedTo: (s, id) =>
        s.collections.appRoleAssignments.filter((a) => a.resourceId === id),
    },
  },
  oauth2PermissionGrants: { collection: 'oauth2PermissionGrants' },
  conditionalAccessPolicies: { collection: 'conditionalAccessPolicies' },
  namedLocations: { collection: 'namedLocations' },
  authenticationMethodsPolicy: { singleton: 'authenticationMethodsPolicy' },
  authorizationPolicy: { singleton: 'authorizationPolicy' },
  // Catalogue 0.3.0.
  activityBasedTimeoutPolicies: { collection: 'activityBasedTimeoutPolicies' },
  authenticationFlowsPolicy: { singleton: 'authenticationFlowsPolicy' },
  groupLifecyclePolicies: { collection: 'groupLifecyclePolicies' },
  attributeSets: { collection: 'attributeSets' },
  customSecurityAttributeDefinitions: {
    collection: 'customSecurityAttributeDefinitions',
    children: {
      allowedValues: (s, id) => s.children.customSecurityAttributeAllowedValues?.[id] ?? [],
    },
  },
};

export function expectedModuleIds(): string[] {
  return Object.keys(SOURCES);
}

export function expectedRecords(state: TenantState, moduleId: string): ExpectedRecord[] {
  const source = SOURCES[moduleId];
  if (!source) throw new Error(`no expectation for module ${moduleId}`);
  if ('singleton' in source) {
    const object = state.singletons[source.singleton];
    return [{ id: String(object.id ?? moduleId), object, relationships: {}, children: {} }];
  }
  const live = liveIds(state);
  return state.collections[source.collection].map((object) => {
    const relationships: Record<string, string[]> = {};
    for (const [name, stateName] of Object.entries(source.relationships ?? {})) {
      const value = (state.relationships[stateName] as Record<string, string | string[]>)[
        object.id
      ];
      const ids = value === undefined ? [] : Array.isArray(value) ? value : [value];
      relationships[name] = [...new Set(ids.filter((id) => live.has(id)))].sort();
    }
    const children: Record<string, GraphObject[]> = {};
    for (const [name, read] of Object.entries(source.children ?? {})) {
      children[name] = read(state, object.id);
    }
    return { id: object.id, object, relationships, children };
  });
}

/** Ids of objects that are not soft-deleted (links to deleted objects are hidden, as in Graph). */
function liveIds(state: TenantState): Set<string> {
  const ids = new Set<string>();
  for (const objects of Object.values(state.collections)) for (const o of objects) ids.add(o.id);
  return ids;
}
