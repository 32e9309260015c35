import type { ModuleDefinition } from './types';

/** External organizations whose users may request access packages. */
export const connectedOrganizationsModule: ModuleDefinition = {
  id: 'connectedOrganizations',
  displayName: 'Connected organizations',
  category: 'Identity Governance',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identityGovernance/entitlementManagement/connectedOrganizations',
  itemPath: '/identityGovernance/entitlementManagement/connectedOrganizations/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'createdDateTime', 'modifiedDateTime'],
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identityGovernance/entitlementManagement/connectedOrganizations/{id}',
  },
  dependsOn: [],
  permissions: {
    read: ['EntitlementManagement.Read.All'],
    write: ['EntitlementManagement.ReadWrite.All'],
  },
  caveats: [
    'Internal and external sponsors are not backed up: add them again after a restore.',
    'identitySources (tenant ids, domains) cannot be changed after creation.',
  ],
  addedInVersion: '0.2.0',
};
