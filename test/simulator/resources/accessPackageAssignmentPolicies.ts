import type { ResourceDescriptor } from './descriptor';
import { timestamps } from './timestamps';

/**
 * /identityGovernance/entitlementManagement/assignmentPolicies: updated by PUT (full replace,
 * graph-notes B27-29b); `accessPackage` is written inline as `{ "id": … }`.
 */
export const accessPackageAssignmentPolicies: ResourceDescriptor = {
  name: 'accessPackageAssignmentPolicies',
  path: 'identityGovernance/entitlementManagement/assignmentPolicies',
  odataType: 'microsoft.graph.accessPackageAssignmentPolicy',
  properties: [
    'allowedTargetScope',
    'automaticRequestSettings',
    'createdDateTime',
    'description',
    'displayName',
    'expiration',
    'id',
    'modifiedDateTime',
    'notificationSettings',
    'requestApprovalSettings',
    'requestorSettings',
    'reviewSettings',
    'specificAllowedTargets',
  ],
  readOnly: ['id', 'createdDateTime', 'modifiedDateTime'],
  requiredOnCreate: ['displayName', 'accessPackage'],
  operations: { create: true, update: true, delete: true },
  updateMethod: 'PUT',
  navigation: { accessPackage: { kind: 'reference', collection: 'accessPackages' } },
  ...timestamps('modifiedDateTime'),
};
