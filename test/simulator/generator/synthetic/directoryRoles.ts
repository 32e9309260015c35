import type { GraphObject } from '../../tenantState';
import { buildAdministrativeUnit } from '../builders/directoryObjects';
import {
  buildBuiltInRoleDefinition,
  buildCustomRoleDefinition,
  buildDirectoryRole,
  buildDirectoryRoleTemplate,
  buildRoleAssignment,
  CUSTOM_ROLE_ACTIONS,
} from '../builders/roles';
import { DEPARTMENTS, OFFICES } from '../names';
import { paretoInt, sampleIndices, weightedIndex } from '../sampling';
import { BUILT_IN_ROLES, GLOBAL_ADMINISTRATOR, IMPLICIT_ROLES } from '../wellKnown';
import { type Build, rngFor } from './build';
import { pickMember } from './users';

/** Roles that may be scoped to an administrative unit. */
const AU_SCOPABLE = new Set([
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
  '729827e3-9c14-49f7-bb1b-9608f156bbb8', // Helpdesk Administrator
  'fdd7a751-b60b-444a-984c-02652fe8fa1c', // Groups Administrator
  'c4e39bd9-1100-46d3-8c65-fb160da0071f', // Authentication Administrator
  '966707d0-3269-4727-9be2-8c3a10f19b9d', // Password Administrator
  '4d6ac14f-3453-41d0-bef9-a3e0c569773a', // License Administrator
]);

/** Administrative units by region/department with user (and some group) members. */
export function addAdministrativeUnits(b: Build): void {
  const rng = rngFor(b, 'administrativeUnits');
  const { tenant } = b;
  const users = tenant.collections.users;
  const groups = tenant.collections.groups;
  const cap = Math.max(5, Math.floor(users.length / 20));
  for (let i = 0; i < b.spec.administrativeUnits; i++) {
    const office = OFFICES[i % OFFICES.length];
    const dept = DEPARTMENTS[Math.floor(i / OFFICES.length) % DEPARTMENTS.length];
    const round = Math.floor(i / (OFFICES.length * DEPARTMENTS.length));
    const name = `${office.city} ${dept}${round > 0 ? ` ${round + 1}` : ''}`;
    const au = buildAdministrativeUnit(
      rng,
      name,
      `Users of ${dept} in ${office.city}.`,
      rng.chance(0.1),
    );
    tenant.collections.administrativeUnits.push(au);
    const members = sampleIndices(rng, users.length, paretoInt(rng, 5, 1.2, cap)).map(
      (k) => users[k].id,
    );
    if (rng.chance(0.2)) members.push(groups[rng.int(0, groups.length - 1)].id);
    tenant.relationships.administrativeUnitMembers[au.id] = members;
  }
}

/**
 * Role catalogue and holders: all built-in templates and definitions, custom definitions,
 * activated directory roles with members (each mirrored by a tenant-wide role assignment,
 * as Entra does), and administrative-unit-scoped assignments.
 */
export function addDirectoryRoles(b: Build): void {
  const rng = rngFor(b, 'directoryRoles');
  const { tenant } = b;
  for (const role of BUILT_IN_ROLES) {
    tenant.collections.directoryRoleTemplates.push(buildDirectoryRoleTemplate(role));
    tenant.collections.roleDefinitions.push(buildBuiltInRoleDefinition(role));
  }
  const custom: GraphObject[] = [];
  for (let i = 0; i < b.spec.customRoleDefinitions; i++) {
    const dept = DEPARTMENTS[i % DEPARTMENTS.length];
    const tier = Math.floor(i / DEPARTMENTS.length) + 1;
    const def = buildCustomRoleDefinition(
      rng,
      `${b.ctx.organizationName} ${dept} Delegated Admin Tier ${tier}`,
      `Delegated administration for ${dept}.`,
      rng.pickDistinct(CUSTOM_ROLE_ACTIONS, rng.int(2, 6)),
    );
    tenant.collections.roleDefinitions.push(def);
    custom.push(def);
  }

  const assignable = BUILT_IN_ROLES.filter((r) => !IMPLICIT_ROLES.has(r.templateId));
  // Few global admins, many readers and helpdesk: weight privileged roles down.
  const weights = assignable.map((r) =>
    r.templateId === GLOBAL_ADMINISTRATOR ? 1 : r.privileged ? 2 : 4,
  );
  const roleByTemplate = new Map<string, GraphObject>();
  const membersByRole = new Map<string, Set<string>>();
  const addMember = (templateId: string, principalId: string): boolean => {
    let role = roleByTemplate.get(templateId);
    if (!role) {
      role = buildDirectoryRole(
        rng,
        assignable.find((r) => r.templateId === templateId)!,
      );
      roleByTemplate.set(templateId, role);
      membersByRole.set(role.id, new Set());
    }
    const members = membersByRole.get(role.id)!;
    if (members.has(principalId)) return false;
    members.add(principalId);
    tenant.collections.roleAssignments.push(
      buildRoleAssignment(rng, principalId, templateId, '/', b.ctx.tenantId),
    );
    return true;
  };

  let added = 0;
  for (const u of b.breakGlassUsers) if (addMember(GLOBAL_ADMINISTRATOR, u.id)) added++;
  const spCandidates = b.appServicePrincipals;
  const roleGroups = tenant.collections.groups.filter(
    (g) => g.isAssignableToRole === true && g.id !== b.special?.breakGlassAdmins.id,
  );
  let attempts = 0;
  while (added < b.spec.directoryRoleMembers && attempts++ < b.spec.directoryRoleMembers * 20) {
    const role = assignable[weightedIndex(rng, weights)];
    const r = rng.next();
    const principalId =
      r < 0.08 && spCandidates.length > 0
        ? rng.pick(spCandidates).id
        : r < 0.13 && roleGroups.length > 0
          ? rng.pick(roleGroups).id
          : pickMember(b, rng).id;
    if (addMember(role.templateId, principalId)) added++;
  }
  for (const role of roleByTemplate.values()) {
    tenant.collections.directoryRoles.push(role);
    tenant.relationships.directoryRoleMembers[role.id] = [...membersByRole.get(role.id)!];
  }

  const aus = tenant.collections.administrativeUnits;
  const scopable = assignable.filter((r) => AU_SCOPABLE.has(r.templateId));
  for (let i = 0; i < b.spec.scopedRoleAssignments && aus.length > 0; i++) {
    const roleDefinitionId =
      custom.length > 0 && rng.chance(0.5) ? rng.pick(custom).id : rng.pick(scopable).templateId;
    tenant.collections.roleAssignments.push(
      buildRoleAssignment(
        rng,
        pickMember(b, rng).id,
        roleDefinitionId,
        `/administrativeUnits/${rng.pick(aus).id}`,
        b.ctx.tenantId,
      ),
    );
  }
}
