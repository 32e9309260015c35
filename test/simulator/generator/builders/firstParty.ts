import type { GraphObject } from '../../tenantState';
import type { GenContext } from '../context';
import type { Prng } from '../prng';
import {
  FIRST_PARTY_APPS,
  GRAPH_APP_ROLES,
  GRAPH_SCOPES,
  MICROSOFT_GRAPH_APP_ID,
  MICROSOFT_TENANT_ID,
} from '../wellKnown';
import { appRole, permissionScope } from './application';
import { buildServicePrincipal } from './servicePrincipal';

/** Service principals of Microsoft's own apps; Microsoft Graph carries its real roles and scopes. */
export function buildFirstPartyServicePrincipals(ctx: GenContext, rng: Prng): GraphObject[] {
  return FIRST_PARTY_APPS.map((app) => {
    const isGraph = app.appId === MICROSOFT_GRAPH_APP_ID;
    return buildServicePrincipal(ctx, rng, {
      appId: app.appId,
      displayName: app.displayName,
      appOwnerOrganizationId: MICROSOFT_TENANT_ID,
      servicePrincipalNames: app.servicePrincipalNames,
      appRoles: isGraph
        ? GRAPH_APP_ROLES.map((r) =>
            appRole(rng, {
              id: r.id,
              value: r.value,
              displayName: r.displayName,
              description: `Allows the app to ${r.displayName.toLowerCase()} without a signed-in user.`,
              allowedMemberTypes: ['Application'],
            }),
          )
        : [],
      oauth2PermissionScopes: isGraph
        ? GRAPH_SCOPES.map((s) =>
            permissionScope(rng, app.displayName, {
              id: s.id,
              value: s.value,
              displayName: s.displayName,
            }),
          )
        : [],
      signInAudience: 'AzureADMultipleOrgs',
      tags: [],
      publisherName: 'Microsoft Services',
    });
  });
}
