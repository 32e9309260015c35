import type { GraphObject } from '../../tenantState';
import {
  type AssignmentPrincipal,
  buildAppRoleAssignment,
  buildOAuth2PermissionGrant,
} from '../builders/directoryObjects';
import type { Prng } from '../prng';
import { GRAPH_SCOPES, MICROSOFT_GRAPH_APP_ID } from '../wellKnown';
import { type Build, rngFor } from './build';

interface RoleRef {
  id: string;
  allowedMemberTypes: string[];
}

interface RequiredAccess {
  resourceAppId: string;
  resourceAccess: Array<{ id: string; type: 'Scope' | 'Role' }>;
}

/**
 * App role assignments: first the application permissions every app-backed service principal
 * requested (admin consent granted), then users and groups assigned to apps' user roles until
 * the preset's count is reached. (principal, resource, role) triples are unique.
 */
export function addAppRoleAssignments(b: Build): void {
  const rng = rngFor(b, 'appRoleAssignments');
  const { tenant } = b;
  const target = b.spec.appRoleAssignments;
  const out = tenant.collections.appRoleAssignments;
  const seen = new Set<string>();
  const spByAppId = new Map(
    tenant.collections.servicePrincipals.map((sp) => [String(sp.appId), sp]),
  );

  const assign = (
    principal: AssignmentPrincipal,
    resource: GraphObject,
    appRoleId: string,
  ): void => {
    const key = `${principal.id}|${resource.id}|${appRoleId}`;
    if (out.length >= target || seen.has(key)) return;
    seen.add(key);
    out.push(buildAppRoleAssignment(rng, principal, resource, appRoleId));
  };

  b.appsWithServicePrincipal.forEach((app, i) => {
    const sp = b.appServicePrincipals[i];
    for (const req of app.requiredResourceAccess as RequiredAccess[]) {
      const resource = spByAppId.get(req.resourceAppId);
      if (!resource) continue;
      const roles = resource.appRoles as RoleRef[];
      for (const access of req.resourceAccess) {
        if (
          access.type === 'Role' &&
          roles.some((r) => r.id === access.id && r.allowedMemberTypes.includes('Application'))
        ) {
          assign(
            { id: sp.id, displayName: String(sp.displayName), type: 'ServicePrincipal' },
            resource,
            access.id,
          );
        }
      }
    }
  });

  const resources = tenant.collections.servicePrincipals.filter((sp) =>
    (sp.appRoles as RoleRef[]).some((r) => r.allowedMemberTypes.includes('User')),
  );
  const users = tenant.collections.users;
  const groups = tenant.collections.groups.filter(
    (g) => g.securityEnabled === true || (g.groupTypes as string[]).includes('Unified'),
  );
  let attempts = 0;
  while (out.length < target && resources.length > 0 && attempts++ < target * 20) {
    const resource = rng.pick(resources);
    const role = rng.pick(
      (resource.appRoles as RoleRef[]).filter((r) => r.allowedMemberTypes.includes('User')),
    );
    const principal = principalFor(rng, users, groups);
    assign(principal, resource, role.id);
  }
}

function principalFor(rng: Prng, users: GraphObject[], groups: GraphObject[]): AssignmentPrincipal {
  if (groups.length > 0 && rng.chance(0.25)) {
    const g = rng.pick(groups);
    return { id: g.id, displayName: String(g.displayName), type: 'Group' };
  }
  const u = rng.pick(users);
  return { id: u.id, displayName: String(u.displayName), type: 'User' };
}

/**
 * Delegated consents: an admin consent (AllPrincipals) for apps that request Graph scopes, then
 * individual user consents (Principal) up to the preset's count.
 */
export function addOAuth2PermissionGrants(b: Build): void {
  const rng = rngFor(b, 'oauth2PermissionGrants');
  const { tenant } = b;
  const graph = b.graphServicePrincipal;
  if (!graph) return;
  const target = b.spec.oauth2PermissionGrants;
  const out = tenant.collections.oauth2PermissionGrants;
  const scopeValue = new Map(GRAPH_SCOPES.map((s) => [s.id, s.value]));
  const seen = new Set<string>();
  const clients: GraphObject[] = [];

  b.appsWithServicePrincipal.forEach((app, i) => {
    const graphAccess = (app.requiredResourceAccess as RequiredAccess[]).find(
      (r) => r.resourceAppId === MICROSOFT_GRAPH_APP_ID,
    );
    const scopes = (graphAccess?.resourceAccess ?? [])
      .filter((a) => a.type === 'Scope')
      .map((a) => scopeValue.get(a.id)!);
    if (scopes.length === 0) return;
    const client = b.appServicePrincipals[i];
    clients.push(client);
    if (out.length < target && rng.chance(0.6)) {
      seen.add(`${client.id}|*`);
      out.push(
        buildOAuth2PermissionGrant(rng, {
          clientId: client.id,
          resourceId: graph.id,
          principalId: null,
          scope: scopes.join(' '),
        }),
      );
    }
  });
  clients.push(...b.externalServicePrincipals);

  const users = tenant.collections.users;
  let attempts = 0;
  while (out.length < target && clients.length > 0 && attempts++ < target * 20) {
    const client = rng.pick(clients);
    const user = rng.pick(users);
    const key = `${client.id}|${user.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const scope = [
      'openid',
      'profile',
      'User.Read',
      ...(rng.chance(0.3) ? ['offline_access'] : []),
      ...(rng.chance(0.2) ? ['Mail.Read'] : []),
    ].join(' ');
    out.push(
      buildOAuth2PermissionGrant(rng, {
        clientId: client.id,
        resourceId: graph.id,
        principalId: user.id,
        scope,
      }),
    );
  }
}
