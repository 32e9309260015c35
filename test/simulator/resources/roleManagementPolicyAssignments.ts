import type { ResourceDescriptor } from './descriptor';

/** /policies/roleManagementPolicyAssignments: read-only. */
export const roleManagementPolicyAssignments: ResourceDescriptor = {
  name: 'roleManagementPolicyAssignments',
  path: 'policies/roleManagementPolicyAssignments',
  odataType: 'microsoft.graph.unifiedRoleManagementPolicyAssignment',
  properties: ['id', 'policyId', 'roleDefinitionId', 'scopeId', 'scopeType'],
  readOnly: ['id', 'policyId', 'roleDefinitionId', 'scopeId', 'scopeType'],
  requiredOnCreate: [],
  operations: { create: false, update: false, delete: false },
};
