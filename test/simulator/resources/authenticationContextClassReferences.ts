import type { ResourceDescriptor } from './descriptor';

/**
 * /identity/conditionalAccess/authenticationContextClassReferences: the caller chooses the id
 * (c1 … c99) and `PATCH /{id}` creates the object when it does not exist (upsert); no soft delete.
 */
export const authenticationContextClassReferences: ResourceDescriptor = {
  name: 'authenticationContextClassReferences',
  path: 'identity/conditionalAccess/authenticationContextClassReferences',
  odataType: 'microsoft.graph.authenticationContextClassReference',
  properties: ['description', 'displayName', 'id', 'isAvailable'],
  readOnly: ['id'],
  requiredOnCreate: ['displayName'],
  operations: { create: true, update: true, delete: true },
  callerChosenId: { property: 'id', upsert: true, pattern: /^c([1-9]|[1-9][0-9])$/ },
};
