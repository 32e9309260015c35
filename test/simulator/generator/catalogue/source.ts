import type { GraphObject, TenantState } from '../../tenantState';
import type { PresetName } from '../presets';
import { Prng } from '../prng';

/** How many of each catalogue object a preset gets: demo and S a few, M and L more. */
export const CATALOGUE_SCALE: Record<PresetName, number> = { demo: 1, S: 1, M: 3, L: 10 };

/**
 * What the catalogue builders draw on: the tenant's existing directory objects (so every
 * reference they write points at something real) and a seeded stream of their own.
 */
export interface CatalogueSource {
  tenant: TenantState;
  rng: Prng;
  scale: number;
  tenantId: string;
  organizationId: string;
  /** Enabled member users, most senior first (the generator's order). */
  members: GraphObject[];
  /** Assigned (non-dynamic) security groups. */
  securityGroups: GraphObject[];
  /** Applications and their service principals registered in this tenant. */
  applications: GraphObject[];
  ownServicePrincipals: GraphObject[];
  builtInRoles: GraphObject[];
  /** Timestamps: fixed, a few days before the generator's "now". */
  when(daysAgo: number): string;
}

export function catalogueSource(
  tenant: TenantState,
  seed: number,
  preset: PresetName,
): CatalogueSource {
  const c = tenant.collections;
  const organizationId = c.organization[0]?.id ?? tenant.tenantId;
  const applicationAppIds = new Set(c.applications.map((a) => a.appId));
  return {
    tenant,
    rng: Prng.forStream(seed, 'catalogue'),
    scale: CATALOGUE_SCALE[preset],
    tenantId: tenant.tenantId,
    organizationId,
    members: c.users.filter((u) => u.userType === 'Member' && u.accountEnabled !== false),
    securityGroups: c.groups.filter(
      (g) =>
        g.securityEnabled === true &&
        !(g.groupTypes as string[]).includes('DynamicMembership') &&
        g.isAssignableToRole !== true,
    ),
    applications: c.applications,
    ownServicePrincipals: c.servicePrincipals.filter((sp) => applicationAppIds.has(sp.appId)),
    builtInRoles: c.roleDefinitions.filter((d) => d.isBuiltIn === true),
    when: (daysAgo) =>
      new Date(Date.UTC(2025, 0, 15, 12, 0, 0) - daysAgo * 86_400_000)
        .toISOString()
        .replace('.000Z', 'Z'),
  };
}

/** The i-th element, wrapping around (sources can be shorter than the counts asked for). */
export function nth<T>(items: readonly T[], i: number): T {
  if (!items.length) throw new Error('catalogue generator: empty source list');
  return items[i % items.length];
}

export function add(tenant: TenantState, resource: string, objects: GraphObject[]): void {
  (tenant.collections[resource] ??= []).push(...objects);
}

export function addChildren(
  tenant: TenantState,
  name: string,
  parentId: string,
  objects: GraphObject[],
): void {
  ((tenant.children[name] ??= {})[parentId] ??= []).push(...objects);
}

export function link(tenant: TenantState, store: string, ownerId: string, targetId: string): void {
  const byOwner = (tenant.relationships[store] ??= {}) as Record<string, string[]>;
  (byOwner[ownerId] ??= []).push(targetId);
}
