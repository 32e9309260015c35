import { checkCatalogueIntegrity } from './catalogue/integrity';
import type { GraphObject, TenantState } from '../tenantState';
import {
  DANGLING_GROUP_ID,
  AUTH_METHOD_TARGET_LITERALS,
  CA_APPLICATION_LITERALS,
  CA_LOCATION_LITERALS,
  CA_USER_LITERALS,
} from './wellKnown';

/**
 * Every broken reference or duplicate key in a tenant, as readable messages (empty = consistent).
 * Used by the generator's tests, and usable on any exported simulator state (e.g. after a restore).
 */
export function checkTenantIntegrity(t: TenantState): string[] {
  const problems: string[] = [];
  const c = t.collections;
  const rel = t.relationships;
  const idSet = (objects: GraphObject[]): Set<string> => new Set(objects.map((o) => o.id));
  const users = idSet(c.users);
  const groups = idSet(c.groups);
  const sps = idSet(c.servicePrincipals);
  const apps = idSet(c.applications);
  const aus = idSet(c.administrativeUnits);
  const roles = idSet(c.directoryRoles);
  const templates = idSet(c.directoryRoleTemplates);
  const roleDefinitions = idSet(c.roleDefinitions);
  const locations = idSet(c.namedLocations);
  const spAppIds = new Set(c.servicePrincipals.map((sp) => String(sp.appId)));
  const appAppIds = new Set(c.applications.map((a) => String(a.appId)));
  const roleAssignableGroups = new Set(
    c.groups.filter((g) => g.isAssignableToRole === true).map((g) => g.id),
  );
  const byId = new Map<string, GraphObject>();
  for (const o of [...c.users, ...c.groups, ...c.servicePrincipals]) byId.set(o.id, o);

  const expect = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const inAny = (id: string, ...sets: Set<string>[]): boolean => sets.some((s) => s.has(id));

  // Keys
  const directoryObjects = [
    ...c.users,
    ...c.groups,
    ...c.applications,
    ...c.servicePrincipals,
    ...c.administrativeUnits,
    ...c.directoryRoles,
    ...Object.values(t.deleted).flat(),
  ];
  duplicates(
    directoryObjects.map((o) => o.id),
    'directory object id',
    problems,
  );
  for (const [name, list] of Object.entries(c))
    duplicates(
      list.map((o) => o.id),
      `${name} id`,
      problems,
    );
  duplicates(
    [...c.users, ...(t.deleted.users ?? [])].map((u) => String(u.userPrincipalName).toLowerCase()),
    'userPrincipalName',
    problems,
  );
  duplicates(
    [...c.groups, ...(t.deleted.groups ?? [])].map((g) => String(g.mailNickname).toLowerCase()),
    'group mailNickname',
    problems,
  );
  duplicates(
    [...c.applications, ...(t.deleted.applications ?? [])].map((a) => String(a.appId)),
    'application appId',
    problems,
  );
  duplicates(
    c.servicePrincipals.map((sp) => String(sp.appId)),
    'servicePrincipal appId',
    problems,
  );
  duplicates(
    [...c.applications, ...(t.deleted.applications ?? [])].flatMap(
      (a) => a.identifierUris as string[],
    ),
    'identifierUri',
    problems,
  );
  for (const [appId, list] of Object.entries(t.children.federatedIdentityCredentials)) {
    expect(apps.has(appId), `federatedIdentityCredentials parent ${appId} is not an application`);
    duplicates(
      list.map((f) => String(f.name)),
      `federatedIdentityCredential name of ${appId}`,
      problems,
    );
  }
  for (const appId of Object.keys(t.children.extensionProperties))
    expect(apps.has(appId), `extensionProperties parent ${appId} is not an application`);
  duplicates(
    Object.values(t.children.extensionProperties)
      .flat()
      .map((e) => String(e.name)),
    'extensionProperty name',
    problems,
  );

  // Relationships
  const links = (
    name: string,
    map: Record<string, string[]>,
    owners: Set<string>,
    ok: (id: string, owner: string) => boolean,
  ): void => {
    for (const [owner, ids] of Object.entries(map)) {
      expect(owners.has(owner), `${name}: owner ${owner} does not exist`);
      duplicates(ids, `${name} of ${owner}`, problems);
      for (const id of ids) expect(ok(id, owner), `${name}: ${owner} -> ${id} does not resolve`);
    }
  };
  links(
    'groupMembers',
    rel.groupMembers,
    groups,
    (id, owner) => id !== owner && inAny(id, users, groups, sps),
  );
  links('groupOwners', rel.groupOwners, groups, (id) => inAny(id, users, sps));
  links('administrativeUnitMembers', rel.administrativeUnitMembers, aus, (id) =>
    inAny(id, users, groups),
  );
  links('directoryRoleMembers', rel.directoryRoleMembers, roles, (id) =>
    inAny(id, users, roleAssignableGroups, sps),
  );
  links('applicationOwners', rel.applicationOwners, apps, (id) => inAny(id, users, sps));
  links('servicePrincipalOwners', rel.servicePrincipalOwners, sps, (id) => inAny(id, users, sps));
  for (const [user, manager] of Object.entries(rel.userManager)) {
    expect(
      users.has(user) && users.has(manager) && user !== manager,
      `userManager: ${user} -> ${manager} does not resolve`,
    );
  }

  // Roles
  for (const r of c.directoryRoles)
    expect(
      templates.has(String(r.roleTemplateId)),
      `directoryRole ${r.id}: unknown roleTemplateId ${String(r.roleTemplateId)}`,
    );
  for (const d of c.roleDefinitions) {
    if (d.isBuiltIn === true)
      expect(
        d.id === d.templateId && templates.has(d.id),
        `built-in roleDefinition ${d.id} has no matching template`,
      );
  }
  for (const a of c.roleAssignments) {
    const scope = String(a.directoryScopeId);
    const scopeOk =
      scope === '/' ||
      (scope.startsWith('/administrativeUnits/')
        ? aus.has(scope.slice('/administrativeUnits/'.length))
        : apps.has(scope.slice(1)));
    expect(
      inAny(String(a.principalId), users, groups, sps),
      `roleAssignment ${a.id}: principal ${String(a.principalId)} does not resolve`,
    );
    expect(
      roleDefinitions.has(String(a.roleDefinitionId)),
      `roleAssignment ${a.id}: roleDefinition ${String(a.roleDefinitionId)} does not resolve`,
    );
    expect(scopeOk, `roleAssignment ${a.id}: scope ${scope} does not resolve`);
  }

  // App role assignments and delegated grants
  const appRoleSeen = new Set<string>();
  for (const a of c.appRoleAssignments) {
    const resource = byId.get(String(a.resourceId));
    const principal = byId.get(String(a.principalId));
    const key = `${String(a.principalId)}|${String(a.resourceId)}|${String(a.appRoleId)}`;
    expect(!appRoleSeen.has(key), `appRoleAssignment ${a.id} duplicates ${key}`);
    appRoleSeen.add(key);
    if (!resource || !sps.has(resource.id)) {
      problems.push(
        `appRoleAssignment ${a.id}: resource ${String(a.resourceId)} is not a service principal`,
      );
      continue;
    }
    const expectedSet =
      a.principalType === 'User' ? users : a.principalType === 'Group' ? groups : sps;
    expect(
      principal !== undefined && expectedSet.has(principal.id),
      `appRoleAssignment ${a.id}: ${String(a.principalType)} ${String(a.principalId)} does not resolve`,
    );
    const role = (resource.appRoles as Array<{ id: string; allowedMemberTypes: string[] }>).find(
      (r) => r.id === a.appRoleId,
    );
    const memberType = a.principalType === 'ServicePrincipal' ? 'Application' : 'User';
    expect(
      role !== undefined && role.allowedMemberTypes.includes(memberType),
      `appRoleAssignment ${a.id}: appRole ${String(a.appRoleId)} is not a ${memberType} role of ${resource.id}`,
    );
    expect(
      a.resourceDisplayName === resource.displayName,
      `appRoleAssignment ${a.id}: resourceDisplayName mismatch`,
    );
    expect(
      principal === undefined || a.principalDisplayName === principal.displayName,
      `appRoleAssignment ${a.id}: principalDisplayName mismatch`,
    );
  }
  for (const g of c.oauth2PermissionGrants) {
    const resource = byId.get(String(g.resourceId));
    expect(
      sps.has(String(g.clientId)),
      `oauth2PermissionGrant ${g.id}: client ${String(g.clientId)} is not a service principal`,
    );
    expect(
      resource !== undefined && sps.has(resource.id),
      `oauth2PermissionGrant ${g.id}: resource ${String(g.resourceId)} is not a service principal`,
    );
    expect(
      g.consentType === 'AllPrincipals' ? g.principalId === null : users.has(String(g.principalId)),
      `oauth2PermissionGrant ${g.id}: principal does not match consentType`,
    );
    const scopes = new Set(
      (resource?.oauth2PermissionScopes as Array<{ value: string }> | undefined)?.map(
        (s) => s.value,
      ),
    );
    for (const s of String(g.scope).split(' ').filter(Boolean))
      expect(
        scopes.has(s),
        `oauth2PermissionGrant ${g.id}: scope ${s} is not offered by ${String(g.resourceId)}`,
      );
  }
  for (const a of c.applications) {
    for (const r of a.requiredResourceAccess as Array<{ resourceAppId: string }>) {
      expect(
        spAppIds.has(r.resourceAppId) || appAppIds.has(r.resourceAppId),
        `application ${a.id}: requiredResourceAccess to unknown app ${r.resourceAppId}`,
      );
    }
  }

  // Conditional access
  const userLits = new Set<string>(CA_USER_LITERALS);
  const appLits = new Set<string>(CA_APPLICATION_LITERALS);
  const locLits = new Set<string>(CA_LOCATION_LITERALS);
  for (const p of c.conditionalAccessPolicies) {
    const cond = p.conditions as {
      users: Record<string, string[]>;
      applications: { includeApplications: string[]; excludeApplications: string[] };
      locations: { includeLocations: string[]; excludeLocations: string[] } | null;
    };
    const check = (ids: string[] | undefined, ok: (id: string) => boolean, what: string): void => {
      for (const id of ids ?? [])
        expect(ok(id), `conditionalAccessPolicy ${p.id}: ${what} ${id} does not resolve`);
    };
    check(
      [...cond.users.includeUsers, ...cond.users.excludeUsers],
      (id) => userLits.has(id) || users.has(id),
      'user',
    );
    check(
      [...cond.users.includeGroups, ...cond.users.excludeGroups],
      (id) => groups.has(id) || id === DANGLING_GROUP_ID,
      'group',
    );
    check(
      [...cond.users.includeRoles, ...cond.users.excludeRoles],
      (id) => templates.has(id),
      'role',
    );
    check(
      [...cond.applications.includeApplications, ...cond.applications.excludeApplications],
      (id) => appLits.has(id) || spAppIds.has(id),
      'application',
    );
    if (cond.locations)
      check(
        [...cond.locations.includeLocations, ...cond.locations.excludeLocations],
        (id) => locLits.has(id) || locations.has(id),
        'location',
      );
  }

  // Tenant-wide policies
  const targetLits = new Set<string>([
    ...AUTH_METHOD_TARGET_LITERALS,
    '00000000-0000-0000-0000-000000000000',
  ]);
  const methods = t.singletons.authenticationMethodsPolicy;
  if (methods) {
    const configs = methods.authenticationMethodConfigurations as Array<{
      id: string;
      includeTargets?: Array<{ id: string }>;
      excludeTargets: Array<{ id: string }>;
    }>;
    const campaign = (
      methods.registrationEnforcement as {
        authenticationMethodsRegistrationCampaign: {
          includeTargets: Array<{ id: string }>;
          excludeTargets: Array<{ id: string }>;
        };
      }
    ).authenticationMethodsRegistrationCampaign;
    const targets = [
      ...configs.flatMap((m) => [...(m.includeTargets ?? []), ...m.excludeTargets]),
      ...campaign.includeTargets,
      ...campaign.excludeTargets,
    ];
    for (const target of targets)
      expect(
        targetLits.has(target.id) || groups.has(target.id) || users.has(target.id),
        `authenticationMethodsPolicy: target ${target.id} does not resolve`,
      );
  }
  expect(
    c.organization.length === 1 && c.organization[0].id === t.tenantId,
    'organization id must be the tenant id',
  );
  for (const [name, list] of Object.entries(t.deleted)) {
    for (const o of list)
      expect(
        typeof o.deletedDateTime === 'string',
        `deleted ${name} ${o.id} has no deletedDateTime`,
      );
  }
  problems.push(...checkCatalogueIntegrity(t));
  return problems;
}

function duplicates(values: string[], what: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) problems.push(`duplicate ${what}: ${v}`);
    seen.add(v);
  }
}
