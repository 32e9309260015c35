import type { ModuleDefinition } from './types';

/**
 * Activated directory roles (the legacy role API) and their members. A role exists in a tenant
 * once it is activated from its template; it cannot be changed or deactivated through Graph, so
 * restore activates missing roles from `roleTemplateId` and writes member links.
 */
export const directoryRolesModule: ModuleDefinition = {
  id: 'directoryRoles',
  displayName: 'Directory roles (activated) and members',
  category: 'Roles & Permissions',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/directoryRoles',
  itemPath: '/directoryRoles/{id}',
  select: ['id', 'deletedDateTime', 'description', 'displayName', 'roleTemplateId'],
  // The role list is small and not paged, so no $top and no delta round is needed; members are
  // read per role.
  relationships: [
    {
      name: 'members',
      cardinality: 'many',
      readVia: 'perObject',
      targets: ['users', 'groups', 'servicePrincipals'],
      addPath: '/directoryRoles/{id}/members/$ref',
      removePath: '/directoryRoles/{id}/members/{refId}/$ref',
    },
  ],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime', 'description', 'displayName'],
  references: [],
  alternateKeys: [{ property: 'roleTemplateId' }],
  restore: {
    kind: 'createOrUpdate',
    createPath: '/directoryRoles',
    updatePath: '/directoryRoles/{id}',
    createOnly: true,
  },
  dependsOn: ['users', 'groups', 'servicePrincipals'],
  naturalKey: 'roleTemplateId',
  permissions: {
    read: ['RoleManagement.Read.Directory'],
    write: ['RoleManagement.ReadWrite.Directory'],
  },
  caveats: [
    'Directory roles are activated from their template and cannot be deactivated; restore only activates missing roles and re-links members.',
    'Role memberships are also visible as role assignments; restoring both for the same principal is idempotent.',
    'Assigning privileged roles needs a caller with Privileged Role Administrator-level rights.',
  ],
};
