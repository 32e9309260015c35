import type { ResourceDescriptor } from './descriptor';
import { POLICY_LINK_STORES as S } from './stsPolicies';

/** /policies/appManagementPolicies (credential restrictions); assigned with `POST /applications/{id}/appManagementPolicies/$ref`. */
export const appManagementPolicies: ResourceDescriptor = {
  name: 'appManagementPolicies',
  path: 'policies/appManagementPolicies',
  odataType: 'microsoft.graph.appManagementPolicy',
  properties: ['deletedDateTime', 'description', 'displayName', 'id', 'isEnabled', 'restrictions'],
  readOnly: ['id', 'deletedDateTime'],
  requiredOnCreate: ['displayName', 'description'],
  operations: { create: true, update: true, delete: true },
  directoryObject: true,
  navigation: {
    appliesTo: {
      kind: 'inverseLinks',
      stores: [S.applicationAppManagementPolicies, S.servicePrincipalAppManagementPolicies],
    },
  },
};
