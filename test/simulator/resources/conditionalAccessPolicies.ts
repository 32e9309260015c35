import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.conditionalAccessPolicy — soft-deletable in v1.0 (graph-notes A16/B16). */
export const conditionalAccessPolicies: ResourceDescriptor = {
  name: 'conditionalAccessPolicies',
  path: 'identity/conditionalAccess/policies',
  odataType: 'microsoft.graph.conditionalAccessPolicy',
  properties: [
    'conditions',
    'createdDateTime',
    'deletedDateTime',
    'description',
    'displayName',
    'grantControls',
    'id',
    'modifiedDateTime',
    'sessionControls',
    'state',
    'templateId',
  ],
  readOnly: ['id', 'createdDateTime', 'modifiedDateTime', 'deletedDateTime', 'templateId'],
  requiredOnCreate: ['displayName', 'state', 'conditions'],
  operations: { create: true, update: true, delete: true },
  softDelete: 'conditionalAccess',
  onCreate(obj, ctx) {
    obj.createdDateTime = ctx.now;
    obj.modifiedDateTime = null;
    obj.templateId = null;
    obj.description ??= null;
    obj.grantControls ??= null;
    obj.sessionControls ??= null;
  },
  onUpdate(obj, ctx) {
    obj.modifiedDateTime = ctx.now;
  },
};
