import type { GraphObject } from '../../tenantState';
import type { Prng } from '../prng';
import { roleAssignmentId } from '../ids';
import type { BuiltInRole } from '../wellKnown';

export function buildDirectoryRoleTemplate(role: BuiltInRole): GraphObject {
  return {
    id: role.templateId,
    deletedDateTime: null,
    description: role.description,
    displayName: role.displayName,
  };
}

/** Built-in unifiedRoleDefinition: its id is the template id in every tenant. */
export function buildBuiltInRoleDefinition(role: BuiltInRole): GraphObject {
  return {
    id: role.templateId,
    description: role.description,
    displayName: role.displayName,
    isBuiltIn: true,
    isEnabled: true,
    resourceScopes: ['/'],
    templateId: role.templateId,
    version: '1',
    rolePermissions: [
      { allowedResourceActions: [...role.actions], condition: null, excludedResourceActions: [] },
    ],
  };
}

export function buildCustomRoleDefinition(
  rng: Prng,
  displayName: string,
  description: string,
  actions: string[],
): GraphObject {
  const id = rng.guid();
  return {
    id,
    description,
    displayName,
    isBuiltIn: false,
    isEnabled: true,
    resourceScopes: ['/'],
    templateId: id,
    version: null,
    rolePermissions: [
      { allowedResourceActions: [...actions], condition: null, excludedResourceActions: [] },
    ],
  };
}

/** An activated directory role: its own id, pointing at the template. */
export function buildDirectoryRole(rng: Prng, role: BuiltInRole): GraphObject {
  return {
    id: rng.guid(),
    deletedDateTime: null,
    description: role.description,
    displayName: role.displayName,
    roleTemplateId: role.templateId,
  };
}

export function buildRoleAssignment(
  rng: Prng,
  principalId: string,
  roleDefinitionId: string,
  directoryScopeId: string,
  tenantId: string,
): GraphObject {
  return {
    id: roleAssignmentId(rng),
    appScopeId: null,
    condition: null,
    directoryScopeId,
    principalId,
    principalOrganizationId: tenantId,
    roleDefinitionId,
  };
}

/** Resource actions custom roles are made of (custom roles may only use a subset of directory actions). */
export const CUSTOM_ROLE_ACTIONS = [
  'microsoft.directory/applications/basic/update',
  'microsoft.directory/applications/credentials/update',
  'microsoft.directory/applications/owners/update',
  'microsoft.directory/applications/permissions/update',
  'microsoft.directory/applications/standard/read',
  'microsoft.directory/groups/members/update',
  'microsoft.directory/groups/owners/update',
  'microsoft.directory/groups/standard/read',
  'microsoft.directory/servicePrincipals/appRoleAssignedTo/update',
  'microsoft.directory/servicePrincipals/standard/read',
  'microsoft.directory/users/standard/read',
  'microsoft.directory/users/manager/update',
  'microsoft.directory/users/password/update',
  'microsoft.directory/users/enable',
  'microsoft.directory/users/disable',
];

/**
 * Completes a tenant's role catalogue with every built-in role Graph lists (BUILT_IN_ROLE_TEMPLATES)
 * that the tenant's builder did not already add with its representative actions.
 */
export function addRemainingBuiltInRoles(
  collections: { roleDefinitions: GraphObject[]; directoryRoleTemplates: GraphObject[] },
  templates: ReadonlyArray<readonly [string, string]>,
): void {
  const definitions = new Set(collections.roleDefinitions.map((d) => d.id));
  const roleTemplates = new Set(collections.directoryRoleTemplates.map((t) => t.id));
  for (const [templateId, displayName] of templates) {
    const role: BuiltInRole = {
      templateId,
      displayName,
      description: `Built-in role ${displayName}.`,
      actions: ['microsoft.directory/allEntities/allProperties/read'],
    };
    if (!definitions.has(templateId))
      collections.roleDefinitions.push(buildBuiltInRoleDefinition(role));
    if (!roleTemplates.has(templateId))
      collections.directoryRoleTemplates.push(buildDirectoryRoleTemplate(role));
  }
}
