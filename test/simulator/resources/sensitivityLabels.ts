import type { ResourceDescriptor } from './descriptor';

/**
 * /security/dataSecurityAndGovernance/sensitivityLabels (v1.0 CSDL: tenantDataSecurityAndGovernance
 * contains sensitivityLabels). Read-only: Graph has no write API for labels (graph-notes B36).
 */
export const sensitivityLabels: ResourceDescriptor = {
  name: 'sensitivityLabels',
  path: 'security/dataSecurityAndGovernance/sensitivityLabels',
  odataType: 'microsoft.graph.sensitivityLabel',
  properties: [
    'actionSource',
    'autoTooltip',
    'description',
    'displayName',
    'hasProtection',
    'id',
    'isDefault',
    'isEndpointProtectionEnabled',
    'isScopedToUser',
    'locale',
    'name',
    'priority',
    'toolTip',
  ],
  readOnly: ['id'],
  requiredOnCreate: [],
  operations: { create: false, update: false, delete: false },
};
