import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.directoryRole (activated role, legacy API) — graph-notes A5/B5. */
export const directoryRoles: ResourceDescriptor = {
  name: 'directoryRoles',
  path: 'directoryRoles',
  odataType: 'microsoft.graph.directoryRole',
  properties: ['deletedDateTime', 'description', 'displayName', 'id', 'roleTemplateId'],
  readOnly: ['id', 'deletedDateTime', 'description', 'displayName'],
  createOnly: ['roleTemplateId'],
  requiredOnCreate: ['roleTemplateId'],
  unique: ['roleTemplateId'],
  alternateKeys: ['roleTemplateId'],
  operations: { create: true, update: false, delete: false },
  delta: true,
  directoryObject: true,
  navigation: {
    members: {
      kind: 'links',
      store: 'directoryRoleMembers',
      targets: ['users', 'groups', 'servicePrincipals'],
      writable: true,
      delta: true,
    },
  },
  validateWrite(op, body, _existing, ctx) {
    if (op === 'create' && !ctx.lookup('directoryRoleTemplates', String(body.roleTemplateId))) {
      throw badRequest(`Invalid roleTemplateId '${String(body.roleTemplateId)}'.`);
    }
  },
  onCreate(obj, ctx) {
    const template = ctx.lookup('directoryRoleTemplates', String(obj.roleTemplateId));
    obj.displayName = template?.displayName ?? null;
    obj.description = template?.description ?? null;
    obj.deletedDateTime = null;
  },
};
