import type { ModuleDefinition } from './types';

/**
 * Activity-based timeout policies: idle sign-out for web apps that support it. The policy is an
 * stsPolicy (a `definition` JSON string), but unlike its siblings v1.0 has no navigation on
 * applications or service principals to assign it, so `appliesTo` is neither read nor written.
 */
export const activityBasedTimeoutPoliciesModule: ModuleDefinition = {
  id: 'activityBasedTimeoutPolicies',
  displayName: 'Activity-based timeout policies',
  category: 'Policies',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/policies/activityBasedTimeoutPolicies',
  itemPath: '/policies/activityBasedTimeoutPolicies/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime'],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/policies/activityBasedTimeoutPolicies/{id}' },
  dependsOn: [],
  permissions: {
    read: ['Policy.Read.All'],
    write: ['Policy.ReadWrite.ApplicationConfiguration'],
  },
  caveats: [
    '`definition` holds the policy as one JSON string; it is restored verbatim.',
    'Only the organization default policy (isOrganizationDefault true) takes effect tenant-wide; per-application assignments (appliesTo) are not backed up or restored, because Graph v1.0 cannot write them.',
  ],
  addedInVersion: '0.3.0',
};
