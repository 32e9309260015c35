import type { ModuleDefinition } from './types';

/** Default inbound and outbound B2B collaboration and direct-connect settings for all tenants. */
export const crossTenantAccessDefaultModule: ModuleDefinition = {
  id: 'crossTenantAccessDefault',
  displayName: 'Cross-tenant access default settings',
  category: 'External identities',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/crossTenantAccessPolicy/default',
  itemPath: '/policies/crossTenantAccessPolicy/default',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'isServiceDefault'],
  references: [],
  restore: {
    kind: 'singleton',
    method: 'PATCH',
    path: '/policies/crossTenantAccessPolicy/default',
  },
  dependsOn: [],
  permissions: { read: ['Policy.Read.All'], write: ['Policy.ReadWrite.CrossTenantAccess'] },
  caveats: [
    'Inbound and outbound settings can name users, groups and applications of this or the partner tenant; those ids are kept as they are.',
  ],
  addedInVersion: '0.2.0',
};
