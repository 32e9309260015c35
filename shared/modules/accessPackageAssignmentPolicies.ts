import type { ModuleDefinition } from './types';

/** Who may request an access package, approval stages, expiry and reviews (updated by PUT). */
export const accessPackageAssignmentPoliciesModule: ModuleDefinition = {
  id: 'accessPackageAssignmentPolicies',
  displayName: 'Access package assignment policies',
  category: 'Identity Governance',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath:
    '/identityGovernance/entitlementManagement/assignmentPolicies?$expand=accessPackage($select=id)',
  itemPath: '/identityGovernance/entitlementManagement/assignmentPolicies/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'createdDateTime', 'modifiedDateTime'],
  references: [
    { path: 'accessPackage.id', targets: ['accessPackages'] },
    { path: 'specificAllowedTargets[].groupId', targets: ['groups'] },
    { path: 'specificAllowedTargets[].userId', targets: ['users'] },
    {
      path: 'specificAllowedTargets[].connectedOrganizationId',
      targets: ['connectedOrganizations'],
    },
    { path: 'requestApprovalSettings.stages[].primaryApprovers[].userId', targets: ['users'] },
    { path: 'requestApprovalSettings.stages[].primaryApprovers[].groupId', targets: ['groups'] },
    {
      path: 'requestApprovalSettings.stages[].fallbackPrimaryApprovers[].userId',
      targets: ['users'],
    },
    {
      path: 'requestApprovalSettings.stages[].fallbackPrimaryApprovers[].groupId',
      targets: ['groups'],
    },
    { path: 'reviewSettings.primaryReviewers[].userId', targets: ['users'] },
    { path: 'reviewSettings.primaryReviewers[].groupId', targets: ['groups'] },
  ],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identityGovernance/entitlementManagement/assignmentPolicies/{id}',
    // Graph replaces the whole policy.
    updateMethod: 'PUT',
  },
  dependsOn: ['accessPackages', 'users', 'groups', 'connectedOrganizations'],
  permissions: {
    read: ['EntitlementManagement.Read.All'],
    write: ['EntitlementManagement.ReadWrite.All'],
  },
  caveats: [
    'Custom extension stage settings and requestor questions reference custom workflow extensions and are not remapped.',
  ],
  addedInVersion: '0.2.0',
};
