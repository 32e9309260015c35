import type { ModuleDefinition } from './types';

/**
 * Role definitions (built-in and custom). Built-ins are read-only and only backed up for
 * reference; custom roles are created or patched. The deleted-items container for custom roles
 * is not in the v1.0 metadata, so no soft-delete restore is declared here.
 */
export const roleDefinitionsModule: ModuleDefinition = {
  id: 'roleDefinitions',
  displayName: 'Role definitions',
  category: 'Roles & Permissions',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/roleManagement/directory/roleDefinitions',
  itemPath: '/roleManagement/directory/roleDefinitions/{id}',
  select: [
    'id',
    'description',
    'displayName',
    'isBuiltIn',
    'isEnabled',
    'rolePermissions',
    'templateId',
    'version',
  ],
  relationships: [],
  children: [],
  // resourceScopes is deprecated ("DO NOT USE"): never sent back.
  readOnlyProperties: ['id', 'isBuiltIn', 'resourceScopes'],
  references: [],
  // Conditional access names roles by template id.
  alternateKeys: [{ property: 'templateId' }],
  // Built-in roles are Microsoft's: their template ids are the same in every tenant.
  microsoftOwnedWhen: { property: 'isBuiltIn', values: [true] },
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/roleManagement/directory/roleDefinitions/{id}',
    builtInWhen: { property: 'isBuiltIn', equals: true },
  },
  dependsOn: [],
  naturalKey: 'templateId',
  permissions: {
    read: ['RoleManagement.Read.Directory'],
    write: ['RoleManagement.ReadWrite.Directory'],
  },
  caveats: [
    'Built-in role definitions cannot be changed; they are backed up for reference only.',
    'Custom roles need Microsoft Entra ID P1; re-creating one with its templateId keeps the id that assignments point at.',
  ],
};
