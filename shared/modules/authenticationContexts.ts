import type { ModuleDefinition } from './types';

/** Authentication context class references (c1…c99) that Conditional Access and apps target. */
export const authenticationContextsModule: ModuleDefinition = {
  id: 'authenticationContexts',
  displayName: 'Authentication contexts',
  category: 'Devices & Security',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identity/conditionalAccess/authenticationContextClassReferences',
  itemPath: '/identity/conditionalAccess/authenticationContextClassReferences/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identity/conditionalAccess/authenticationContextClassReferences/{id}',
  },
  // The id (c1…c99) is the name apps and policies use: it is the same after a restore.
  callerChosenId: true,
  dependsOn: [],
  permissions: {
    read: ['AuthenticationContext.Read.All'],
    write: ['AuthenticationContext.ReadWrite.All'],
  },
  caveats: [],
  addedInVersion: '0.2.0',
};
