import type { ResourceDescriptor } from './descriptor';
import { timestamps } from './timestamps';

/** /identityGovernance/entitlementManagement/connectedOrganizations. */
export const connectedOrganizations: ResourceDescriptor = {
  name: 'connectedOrganizations',
  path: 'identityGovernance/entitlementManagement/connectedOrganizations',
  odataType: 'microsoft.graph.connectedOrganization',
  properties: [
    'createdDateTime',
    'description',
    'displayName',
    'id',
    'identitySources',
    'modifiedDateTime',
    'state',
  ],
  readOnly: ['id', 'createdDateTime', 'modifiedDateTime'],
  requiredOnCreate: ['displayName', 'identitySources'],
  operations: { create: true, update: true, delete: true },
  ...timestamps('modifiedDateTime'),
};
