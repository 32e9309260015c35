import { readGraphExample } from '../../support/fixtures';
import type { GraphObject, TenantState } from '../tenantState';
import { buildFirstPartyServicePrincipals } from './builders/firstParty';
import type { GenContext } from './context';
import { emptyTenant } from './emptyTenant';
import { Prng } from './prng';
import { MICROSOFT_GRAPH_APP_ID } from './wellKnown';

/** Example payloads served as collections, by the simulator's resource name. */
const COLLECTIONS = [
  'users',
  'groups',
  'administrativeUnits',
  'directoryRoles',
  'roleDefinitions',
  'roleAssignments',
  'applications',
  'servicePrincipals',
  'appRoleAssignments',
  'oauth2PermissionGrants',
  'conditionalAccessPolicies',
  'namedLocations',
] as const;

/** Example link lists (owner id → target ids). */
const RELATIONSHIPS = [
  'groupMembers',
  'groupOwners',
  'administrativeUnitMembers',
  'directoryRoleMembers',
  'applicationOwners',
  'servicePrincipalOwners',
] as const;

const SINGLETONS = ['authorizationPolicy', 'authenticationMethodsPolicy'] as const;

/**
 * The `docs` preset: Microsoft's documentation example payloads (test/fixtures/graph-examples),
 * which hold what real tenants hold and our generator does not — conditional access policies
 * naming users, groups and locations that no longer exist, Exchange Online's first-party app id,
 * mail-enabled security groups and distribution lists, role definitions of several shapes.
 * Each read parses the fixture afresh, so the tenant owns its objects. Only what the product
 * itself needs is added: Microsoft Graph's service principal (whose app roles entra-backup is
 * granted) and, by the caller, entra-backup's own app and the built-in roles.
 */
export function generateDocsTenant(ctx: GenContext): TenantState {
  const tenant = emptyTenant(ctx.tenantId);
  for (const resource of COLLECTIONS) {
    tenant.collections[resource] = readGraphExample<GraphObject[]>(resource);
  }
  for (const name of RELATIONSHIPS) {
    tenant.relationships[name] = readGraphExample<Record<string, string[]>>(name);
  }
  for (const name of SINGLETONS) {
    tenant.singletons[name] = readGraphExample<GraphObject>(name);
  }
  // The example organization is Contoso's; in the simulator the organization is the tenant.
  const [organization] = readGraphExample<GraphObject[]>('organization');
  tenant.collections.organization = [{ ...organization, id: ctx.tenantId }];

  // Only Microsoft Graph's service principal, which entra-backup's grants need: the examples'
  // policies name Exchange Online's app id, whose service principal a tenant need not hold.
  const graph = buildFirstPartyServicePrincipals(ctx, Prng.forStream(ctx.seed, 'docs')).find(
    (sp) => sp.appId === MICROSOFT_GRAPH_APP_ID,
  )!;
  tenant.collections.servicePrincipals.push(graph);
  return tenant;
}
