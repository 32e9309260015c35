import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.administrativeUnit under /directory (graph-notes A4/B4). */
export const administrativeUnits: ResourceDescriptor = {
  name: 'administrativeUnits',
  path: 'directory/administrativeUnits',
  odataType: 'microsoft.graph.administrativeUnit',
  properties: [
    'deletedDateTime',
    'description',
    'displayName',
    'id',
    'isMemberManagementRestricted',
    'membershipRule',
    'membershipRuleProcessingState',
    'membershipType',
    'visibility',
  ],
  readOnly: ['id', 'deletedDateTime'],
  createOnly: ['isMemberManagementRestricted'],
  requiredOnCreate: ['displayName'],
  operations: { create: true, update: true, delete: true },
  softDelete: 'directory',
  delta: true,
  directoryObject: true,
  navigation: {
    members: {
      kind: 'links',
      store: 'administrativeUnitMembers',
      targets: ['users', 'groups', 'devices'],
      writable: true,
      delta: true,
    },
  },
  onCreate(obj) {
    obj.description ??= null;
    obj.visibility ??= null;
    obj.isMemberManagementRestricted ??= false;
    obj.membershipType ??= null;
    obj.membershipRule ??= null;
    obj.membershipRuleProcessingState ??= null;
  },
};
