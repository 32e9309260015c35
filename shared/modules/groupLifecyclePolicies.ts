import type { ModuleDefinition } from './types';

/** The Microsoft 365 group expiration policy (Graph allows one per tenant). */
export const groupLifecyclePoliciesModule: ModuleDefinition = {
  id: 'groupLifecyclePolicies',
  displayName: 'Group expiration policy',
  category: 'Users & Groups',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/groupLifecyclePolicies',
  itemPath: '/groupLifecyclePolicies/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/groupLifecyclePolicies/{id}' },
  dependsOn: [],
  permissions: { read: ['Directory.Read.All'], write: ['Directory.ReadWrite.All'] },
  caveats: [
    "With managedGroupTypes 'Selected' the policy applies to groups added with its addGroup action; that list is not backed up or restored (Graph lists it per group, not per policy): add the groups again after a restore.",
    'A tenant has at most one expiration policy: restoring into a tenant that already has one under another id fails for that object; change the live policy instead.',
  ],
  addedInVersion: '0.3.0',
};
