import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/** `microsoft-` ids are reserved for Microsoft's built-in policies (D21), in any letter case. */
const isBuiltIn = (id: string | undefined): boolean =>
  id?.toLowerCase().startsWith('microsoft-') ?? false;

/** Graph's wording is not documented (graph-notes B24); a 400 as for the policy itself. */
const builtInUnchangeable = () =>
  badRequest('Built-in permission grant policies cannot be modified.');

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
    // Adding and removing condition sets both change the parent policy: refused on built-ins.
    validateWrite(op, _body, _existing, ctx) {
      if (op !== 'update' && isBuiltIn(ctx.parentId)) throw builtInUnchangeable();
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
    if (isBuiltIn(existing?.id)) throw builtInUnchangeable();
  },
};
