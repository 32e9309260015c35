import { PRINCIPAL_MODULES } from './common';
import type { ModuleDefinition } from './types';

/** Active directory role assignments (unifiedRoleAssignment). They cannot be changed: restore creates and deletes. */
export const roleAssignmentsModule: ModuleDefinition = {
  id: 'roleAssignments',
  displayName: 'Role assignments',
  category: 'Roles & Permissions',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/roleManagement/directory/roleAssignments',
  itemPath: '/roleManagement/directory/roleAssignments/{id}',
  select: [
    'id',
    'appScopeId',
    'condition',
    'directoryScopeId',
    'principalId',
    'principalOrganizationId',
    'roleDefinitionId',
  ],
  relationships: [],
  children: [],
  // The docs call roleDefinitionId read-only, meaning it cannot change (there is no PATCH at
  // all); it is required on create, so it is not stripped.
  readOnlyProperties: ['id', 'principalOrganizationId'],
  references: [
    { path: 'principalId', targets: PRINCIPAL_MODULES },
    { path: 'roleDefinitionId', targets: ['roleDefinitions'] },
    {
      // `/` is the whole tenant; `/administrativeUnits/{id}` scopes the role to a unit and
      // `/{applicationObjectId}` to one application.
      path: 'directoryScopeId',
      targets: ['administrativeUnits', 'applications'],
      literals: ['/'],
    },
  ],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/roleManagement/directory/roleAssignments/{id}',
    immutable: true,
  },
  dependsOn: [
    'users',
    'groups',
    'servicePrincipals',
    'roleDefinitions',
    'administrativeUnits',
    'applications',
  ],
  permissions: {
    read: ['RoleManagement.Read.Directory'],
    write: ['RoleManagement.ReadWrite.Directory'],
  },
  caveats: [
    'Role assignments cannot be updated: a changed assignment is deleted and re-created.',
    'Only active assignments are covered; PIM eligible and time-bound assignments need schedule requests.',
    'Assigning privileged roles needs a caller with Privileged Role Administrator-level rights.',
  ],
};
