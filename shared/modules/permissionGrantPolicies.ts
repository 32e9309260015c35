import type { ChildCollectionDefinition, ModuleDefinition } from './types';

/** Condition sets have no natural name: two are the same when every condition matches. */
function conditionSets(name: 'includes' | 'excludes'): ChildCollectionDefinition {
  return {
    name,
    listPath: `/policies/permissionGrantPolicies/{id}/${name}`,
    readOnlyProperties: ['id'],
    references: [],
    // Condition sets are not updated in place: missing ones are added, extra ones removed.
    restore: 'create',
    matchBy: [
      'permissionType',
      'permissionClassification',
      'resourceApplication',
      'permissions',
      'clientApplicationIds',
      'clientApplicationTenantIds',
      'clientApplicationPublisherIds',
      'clientApplicationsFromVerifiedPublisherOnly',
    ],
  };
}

/** Permission grant policies (which consents users or apps may grant) with their conditions. */
export const permissionGrantPoliciesModule: ModuleDefinition = {
  id: 'permissionGrantPolicies',
  displayName: 'Permission grant policies',
  category: 'Roles & Permissions',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/policies/permissionGrantPolicies',
  itemPath: '/policies/permissionGrantPolicies/{id}',
  relationships: [],
  children: [conditionSets('includes'), conditionSets('excludes')],
  readOnlyProperties: ['id', 'deletedDateTime'],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/policies/permissionGrantPolicies/{id}' },
  // The authorization policy assigns policies by this id.
  callerChosenId: true,
  dependsOn: [],
  permissions: {
    read: ['Policy.Read.PermissionGrant'],
    write: ['Policy.ReadWrite.PermissionGrant'],
  },
  caveats: [
    'Built-in policies (ids starting with microsoft-) cannot be created or changed; differences on them are reported, not written.',
    'resourceApplication and clientApplicationIds name applications by appId: an application re-created with a new appId no longer matches.',
  ],
  addedInVersion: '0.2.0',
};
