import { GraphError, badRequest, notFound } from '../errors';
import type { ResourceDescriptor } from './descriptor';

const PRINCIPAL_TYPES: Record<string, string> = {
  users: 'User',
  groups: 'Group',
  servicePrincipals: 'ServicePrincipal',
};
const DEFAULT_ACCESS_ROLE = '00000000-0000-0000-0000-000000000000';

/**
 * microsoft.graph.appRoleAssignment. No top-level path: served under
 * servicePrincipals/{id}/appRoleAssignedTo and {users|groups|servicePrincipals}/{id}/appRoleAssignments.
 */
export const appRoleAssignments: ResourceDescriptor = {
  name: 'appRoleAssignments',
  path: '',
  odataType: 'microsoft.graph.appRoleAssignment',
  properties: [
    'appRoleId',
    'createdDateTime',
    'deletedDateTime',
    'id',
    'principalDisplayName',
    'principalId',
    'principalType',
    'resourceDisplayName',
    'resourceId',
  ],
  readOnly: [
    'id',
    'createdDateTime',
    'deletedDateTime',
    'principalDisplayName',
    'principalType',
    'resourceDisplayName',
  ],
  requiredOnCreate: ['principalId', 'resourceId', 'appRoleId'],
  operations: { create: true, update: false, delete: true },
  costs: { list: 1 },
  validateWrite(op, body, _existing, ctx) {
    if (op !== 'create') return;
    const principalId = String(body.principalId);
    const resourceId = String(body.resourceId);
    const principal = Object.keys(PRINCIPAL_TYPES).some((r) => ctx.lookup(r, principalId));
    if (!principal) throw notFound(principalId);
    const resource = ctx.lookup('servicePrincipals', resourceId);
    if (!resource) throw notFound(resourceId);
    const roles = (resource.appRoles ?? []) as Array<{ id?: string }>;
    if (body.appRoleId !== DEFAULT_ACCESS_ROLE && !roles.some((r) => r.id === body.appRoleId)) {
      throw badRequest(`Permission being assigned was not found on application '${resourceId}'.`);
    }
  },
  onCreate(obj, ctx) {
    const principalId = String(obj.principalId);
    for (const [resource, type] of Object.entries(PRINCIPAL_TYPES)) {
      const principal = ctx.lookup(resource, principalId);
      if (principal) {
        obj.principalType = type;
        obj.principalDisplayName = principal.displayName ?? null;
      }
    }
    obj.resourceDisplayName =
      ctx.lookup('servicePrincipals', String(obj.resourceId))?.displayName ?? null;
    obj.createdDateTime = ctx.now;
    obj.deletedDateTime = null;
  },
};

export const duplicateAssignment = (): GraphError =>
  badRequest('Permission being assigned already exists on the object.');
