import type { ModuleDefinition } from './types';

/** Per-organization cross-tenant access settings, keyed by the partner's tenant id. */
export const crossTenantAccessPartnersModule: ModuleDefinition = {
  id: 'crossTenantAccessPartners',
  displayName: 'Cross-tenant access partner settings',
  category: 'External identities',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/policies/crossTenantAccessPolicy/partners',
  itemPath: '/policies/crossTenantAccessPolicy/partners/{id}',
  // Partners have no id: the partner tenant id is the key, required on create.
  keyProperty: 'tenantId',
  relationships: [],
  children: [],
  readOnlyProperties: ['isInMultiTenantOrganization'],
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/policies/crossTenantAccessPolicy/partners/{id}',
  },
  dependsOn: [],
  permissions: { read: ['Policy.Read.All'], write: ['Policy.ReadWrite.CrossTenantAccess'] },
  caveats: [
    'Cross-tenant user synchronization settings (identitySynchronization) are not backed up: configure them again for partners that sync users.',
    'Partners that belong to a multi-tenant organization are managed by that organization.',
  ],
  addedInVersion: '0.2.0',
};
