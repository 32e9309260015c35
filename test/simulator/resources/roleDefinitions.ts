import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.unifiedRoleDefinition — built-ins are read-only (graph-notes A6/B6). */
export const roleDefinitions: ResourceDescriptor = {
  name: 'roleDefinitions',
  path: 'roleManagement/directory/roleDefinitions',
  odataType: 'microsoft.graph.unifiedRoleDefinition',
  properties: [
    'description',
    'displayName',
    'id',
    'isBuiltIn',
    'isEnabled',
    'resourceScopes',
    'rolePermissions',
    'templateId',
    'version',
  ],
  readOnly: ['id', 'isBuiltIn'],
  createOnly: ['templateId'],
  requiredOnCreate: ['displayName', 'rolePermissions', 'isEnabled'],
  unique: ['templateId'],
  operations: { create: true, update: true, delete: true },
  validateWrite(op, _body, existing) {
    if (existing?.isBuiltIn === true) {
      throw badRequest(
        `Built-in role definitions cannot be ${op === 'delete' ? 'deleted' : 'modified'}.`,
      );
    }
  },
  onCreate(obj) {
    // Setting templateId on a custom role keeps its id stable across tenants (graph-notes B6).
    if (typeof obj.templateId === 'string' && obj.templateId) obj.id = obj.templateId;
    obj.templateId = obj.id;
    obj.isBuiltIn = false;
    obj.resourceScopes ??= ['/'];
    obj.version ??= null;
    obj.description ??= null;
  },
};
