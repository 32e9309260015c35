import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

function conditionSet(name: string): ResourceDescriptor {
  return {
    name,
    path: '',
    odataType: 'microsoft.graph.permissionGrantConditionSet',
    properties: [
      'clientApplicationIds',
      'clientApplicationPublisherIds',
      'clientApplicationTenantIds',
      'clientApplicationsFromVerifiedPublisherOnly',
      'id',
      'permissionClassification',
      'permissionType',
      'permissions',
      'resourceApplication',
    ],
    readOnly: ['id'],
    requiredOnCreate: ['permissionType'],
    // Condition sets are added and removed, never updated (Graph has no PATCH for them).
    operations: { create: true, update: false, delete: true },
    validateWrite(op, _body, _existing, ctx) {
      if (op !== 'update' && ctx.parentId?.startsWith('microsoft-'))
        throw badRequest('Built-in permission grant policies cannot be modified.');
    },
  };
}

/**
 * /policies/permissionGrantPolicies (+ includes / excludes condition sets). The id is chosen by
 * the caller; `microsoft-` ids are reserved for the built-in, unchangeable policies (B24).
 */
export const permissionGrantPolicies: ResourceDescriptor = {
  name: 'permissionGrantPolicies',
  path: 'policies/permissionGrantPolicies',
  odataType: 'microsoft.graph.permissionGrantPolicy',
  properties: ['deletedDateTime', 'description', 'displayName', 'id'],
  readOnly: ['id', 'deletedDateTime'],
  requiredOnCreate: ['displayName'],
  operations: { create: true, update: true, delete: true },
  callerChosenId: { property: 'id', pattern: /^(?!microsoft-)/i },
  navigation: {
    includes: { kind: 'children', child: conditionSet('permissionGrantPolicyIncludes') },
    excludes: { kind: 'children', child: conditionSet('permissionGrantPolicyExcludes') },
  },
  validateWrite(_op, _body, existing) {
    if (existing?.id.toLowerCase().startsWith('microsoft-'))
      throw badRequest('Built-in permission grant policies cannot be modified.');
  },
};
