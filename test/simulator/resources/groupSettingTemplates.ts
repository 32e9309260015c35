import type { ResourceDescriptor } from './descriptor';

/** /groupSettingTemplates: the read-only templates groupSettings are made from. */
export const groupSettingTemplates: ResourceDescriptor = {
  name: 'groupSettingTemplates',
  path: 'groupSettingTemplates',
  odataType: 'microsoft.graph.groupSettingTemplate',
  properties: ['deletedDateTime', 'description', 'displayName', 'id', 'values'],
  readOnly: ['deletedDateTime', 'description', 'displayName', 'id', 'values'],
  requiredOnCreate: [],
  operations: { create: false, update: false, delete: false },
};
