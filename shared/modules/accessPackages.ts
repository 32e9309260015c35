import type { ModuleDefinition } from './types';

/**
 * Access packages. The catalog is a navigation property, expanded to its id so the package can
 * be re-created in the right (possibly re-created) catalog.
 */
export const accessPackagesModule: ModuleDefinition = {
  id: 'accessPackages',
  displayName: 'Access packages',
  category: 'Identity Governance',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identityGovernance/entitlementManagement/accessPackages?$expand=catalog($select=id)',
  itemPath: '/identityGovernance/entitlementManagement/accessPackages/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'createdDateTime', 'modifiedDateTime'],
  references: [{ path: 'catalog.id', targets: ['accessPackageCatalogs'] }],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identityGovernance/entitlementManagement/accessPackages/{id}',
  },
  dependsOn: ['accessPackageCatalogs'],
  permissions: {
    read: ['EntitlementManagement.Read.All'],
    write: ['EntitlementManagement.ReadWrite.All'],
  },
  caveats: [
    'Resource role scopes (which group memberships, app roles and site roles a package grants) and incompatible packages or groups are not restored: add them again once the catalog resources are onboarded.',
    'Assignments (who holds a package) are run-time data and are not restored.',
  ],
  addedInVersion: '0.2.0',
};
