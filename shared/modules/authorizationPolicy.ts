import type { ModuleDefinition } from './types';

/** The tenant's authorization policy (default user permissions, guest access, consent). */
export const authorizationPolicyModule: ModuleDefinition = {
  id: 'authorizationPolicy',
  displayName: 'Authorization policy',
  category: 'Policies',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/authorizationPolicy',
  itemPath: '/policies/authorizationPolicy',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime'],
  // guestUserRoleId is a well-known role template id, the same in every tenant: no remapping.
  references: [],
  restore: { kind: 'singleton', method: 'PATCH', path: '/policies/authorizationPolicy' },
  dependsOn: [],
  permissions: {
    read: ['Policy.Read.All'],
    write: ['Policy.ReadWrite.Authorization'],
  },
  caveats: [
    'permissionGrantPoliciesAssigned names permission grant policies, which are not backed up by this module.',
  ],
};
