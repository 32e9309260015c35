import type { ModuleDefinition } from './types';

/**
 * App management policies (credential restrictions for chosen applications) and the
 * applications they apply to. Like the token policies, assignment is read on the policy and
 * written on the application.
 */
export const appManagementPoliciesModule: ModuleDefinition = {
  id: 'appManagementPolicies',
  displayName: 'App management policies',
  category: 'Applications',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/policies/appManagementPolicies',
  itemPath: '/policies/appManagementPolicies/{id}',
  relationships: [
    {
      name: 'appliesTo',
      cardinality: 'many',
      readVia: 'perObject',
      targets: ['applications'],
      linkOwner: 'target',
      addPath: '/applications/{refId}/appManagementPolicies/$ref',
      removePath: '/applications/{refId}/appManagementPolicies/{id}/$ref',
    },
  ],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime'],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/policies/appManagementPolicies/{id}' },
  dependsOn: [],
  permissions: {
    // Listing appliesTo is granted by Application.Read.All (the reference's least for it).
    read: ['Policy.Read.All', 'Application.Read.All'],
    write: ['Policy.ReadWrite.ApplicationConfiguration'],
  },
  caveats: [
    'Policies assigned to service principals (rather than applications) are backed up in appliesTo but only application assignments are restored.',
  ],
  addedInVersion: '0.2.0',
};
