import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.extensionProperty, child of an application; immutable (graph-notes A11/B11). */
export const extensionProperties: ResourceDescriptor = {
  name: 'extensionProperties',
  path: '',
  odataType: 'microsoft.graph.extensionProperty',
  properties: [
    'id',
    'name',
    'dataType',
    'targetObjects',
    'isMultiValued',
    'isSyncedFromOnPremises',
    'appDisplayName',
    'deletedDateTime',
  ],
  readOnly: ['id', 'appDisplayName', 'isSyncedFromOnPremises', 'deletedDateTime'],
  requiredOnCreate: ['name', 'dataType', 'targetObjects'],
  uniqueWithinParent: ['name'],
  operations: { create: true, update: false, delete: true },
  onCreate(obj, ctx) {
    const app = ctx.parentId ? ctx.lookup('applications', ctx.parentId) : undefined;
    const appId = String(app?.appId ?? '').replace(/-/g, '');
    obj.name = `extension_${appId}_${String(obj.name)}`;
    obj.appDisplayName = app?.displayName ?? null;
    obj.isSyncedFromOnPremises = false;
    obj.isMultiValued ??= false;
    obj.deletedDateTime = null;
  },
};
