import { GraphError, badRequest, notFound } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.unifiedRoleAssignment — no PATCH, hard delete (graph-notes A7/B7). */
export const roleAssignments: ResourceDescriptor = {
  name: 'roleAssignments',
  path: 'roleManagement/directory/roleAssignments',
  odataType: 'microsoft.graph.unifiedRoleAssignment',
  properties: [
    'appScopeId',
    'condition',
    'directoryScopeId',
    'id',
    'principalId',
    'principalOrganizationId',
    'roleDefinitionId',
  ],
  readOnly: ['id', 'principalOrganizationId'],
  createOnly: ['roleDefinitionId', 'principalId', 'directoryScopeId', 'appScopeId', 'condition'],
  requiredOnCreate: ['principalId', 'roleDefinitionId'],
  operations: { create: true, update: false, delete: true },
  validateWrite(op, body, _existing, ctx) {
    if (op !== 'create') return;
    const principalId = String(body.principalId);
    if (!['users', 'groups', 'servicePrincipals'].some((r) => ctx.lookup(r, principalId)))
      throw notFound(principalId);
    const roleId = String(body.roleDefinitionId);
    if (
      !ctx.lookup('roleDefinitions', roleId) &&
      !ctx.findBy('roleDefinitions', 'templateId', roleId)
    )
      throw notFound(roleId);
    if (body.directoryScopeId === undefined && body.appScopeId === undefined) {
      throw badRequest('Either directoryScopeId or appScopeId must be specified.');
    }
    const scope = body.directoryScopeId ?? '/';
    const duplicate = [...ctx.list('roleAssignments')].some(
      (a) =>
        a.principalId === principalId &&
        a.roleDefinitionId === roleId &&
        (a.directoryScopeId ?? '/') === scope,
    );
    if (duplicate)
      throw new GraphError(
        409,
        'Request_BadRequest',
        'A conflicting object with one or more of the specified property values is present in the directory.',
      );
  },
  onCreate(obj, ctx) {
    obj.directoryScopeId ??= null;
    obj.appScopeId ??= null;
    obj.condition ??= null;
    obj.principalOrganizationId = ctx.tenantId;
  },
};
