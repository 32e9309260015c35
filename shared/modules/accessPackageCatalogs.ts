import type { ModuleDefinition } from './types';

/** Entitlement management catalogs (containers of access packages and their resources). */
export const accessPackageCatalogsModule: ModuleDefinition = {
  id: 'accessPackageCatalogs',
  displayName: 'Access package catalogs',
  category: 'Identity Governance',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identityGovernance/entitlementManagement/catalogs',
  itemPath: '/identityGovernance/entitlementManagement/catalogs/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'createdDateTime', 'modifiedDateTime', 'catalogType'],
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identityGovernance/entitlementManagement/catalogs/{id}',
  },
  dependsOn: [],
  // Catalog names are unique in practice; matching by name avoids a second "General" catalog.
  naturalKey: 'displayName',
  permissions: {
    read: ['EntitlementManagement.Read.All'],
    write: ['EntitlementManagement.ReadWrite.All'],
  },
  caveats: [
    'Catalog resources (groups, applications, SharePoint sites) are not restored: they must be onboarded again (resource requests) before access packages can grant their roles.',
    'Catalogs are deleted permanently; a re-created catalog gets a new id.',
  ],
  addedInVersion: '0.2.0',
};
