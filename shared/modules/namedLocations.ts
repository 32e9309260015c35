import type { ModuleDefinition } from './types';

/**
 * Named locations (IP ranges and countries). The collection is polymorphic, so no `$select`:
 * Graph's default set carries every property of each derived type.
 */
export const namedLocationsModule: ModuleDefinition = {
  id: 'namedLocations',
  displayName: 'Named locations',
  category: 'Policies',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identity/conditionalAccess/namedLocations',
  itemPath: '/identity/conditionalAccess/namedLocations/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime', 'createdDateTime', 'modifiedDateTime'],
  keepODataType: true,
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/identity/conditionalAccess/namedLocations/{id}',
    softDelete: {
      deletedItemsPath: '/identity/conditionalAccess/deletedItems/namedLocations',
      restorePath: '/identity/conditionalAccess/deletedItems/namedLocations/{id}/restore',
    },
  },
  dependsOn: [],
  naturalKey: 'displayName',
  permissions: {
    read: ['Policy.Read.All'],
    write: ['Policy.ReadWrite.ConditionalAccess'],
  },
  caveats: [
    'Trusted IP ranges (isTrusted) change MFA and risk evaluation for sign-ins from them.',
    'A re-created named location gets a new id; Conditional Access policies are remapped to it.',
  ],
};
