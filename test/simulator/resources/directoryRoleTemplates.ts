import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.directoryRoleTemplate — read-only catalogue of activatable roles. */
export const directoryRoleTemplates: ResourceDescriptor = {
  name: 'directoryRoleTemplates',
  path: 'directoryRoleTemplates',
  odataType: 'microsoft.graph.directoryRoleTemplate',
  properties: ['deletedDateTime', 'description', 'displayName', 'id'],
  readOnly: ['deletedDateTime', 'description', 'displayName', 'id'],
  requiredOnCreate: [],
  operations: { create: false, update: false, delete: false },
  directoryObject: true,
};
