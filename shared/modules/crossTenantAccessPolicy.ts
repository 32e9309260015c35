import type { ModuleDefinition } from './types';

/** The cross-tenant access policy itself: which Microsoft clouds the tenant may collaborate with. */
export const crossTenantAccessPolicyModule: ModuleDefinition = {
  id: 'crossTenantAccessPolicy',
  displayName: 'Cross-tenant access policy (cloud settings)',
  category: 'External identities',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/crossTenantAccessPolicy',
  itemPath: '/policies/crossTenantAccessPolicy',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime'],
  references: [],
  restore: { kind: 'singleton', method: 'PATCH', path: '/policies/crossTenantAccessPolicy' },
  dependsOn: [],
  permissions: { read: ['Policy.Read.All'], write: ['Policy.ReadWrite.CrossTenantAccess'] },
  caveats: [],
  addedInVersion: '0.2.0',
};
