import { administrativeUnits } from './administrativeUnits';
import { applications } from './applications';
import { appRoleAssignments } from './appRoleAssignments';
import { conditionalAccessPolicies } from './conditionalAccessPolicies';
import type { ResourceDescriptor } from './descriptor';
import { directoryRoles } from './directoryRoles';
import { directoryRoleTemplates } from './directoryRoleTemplates';
import { groups } from './groups';
import { namedLocations } from './namedLocations';
import { oauth2PermissionGrants } from './oauth2PermissionGrants';
import { organization } from './organization';
import { roleAssignments } from './roleAssignments';
import { roleDefinitions } from './roleDefinitions';
import { servicePrincipals } from './servicePrincipals';
import { users } from './users';

/** Every top-level collection the simulator knows (order = export order). */
export const RESOURCES: readonly ResourceDescriptor[] = [
  users,
  groups,
  administrativeUnits,
  directoryRoles,
  directoryRoleTemplates,
  roleDefinitions,
  roleAssignments,
  applications,
  servicePrincipals,
  appRoleAssignments,
  oauth2PermissionGrants,
  conditionalAccessPolicies,
  namedLocations,
  organization,
];

export const RESOURCE_BY_NAME: ReadonlyMap<string, ResourceDescriptor> = new Map(
  RESOURCES.map((r) => [r.name, r]),
);

/** Routable collections, longest path first so 'directory/administrativeUnits' wins over shorter prefixes. */
export const ROUTABLE_RESOURCES: readonly ResourceDescriptor[] = RESOURCES.filter(
  (r) => r.path,
).sort((a, b) => b.path.split('/').length - a.path.split('/').length);

/** Child collections by name (stored in TenantState.children). */
export const CHILD_RESOURCES: readonly ResourceDescriptor[] = RESOURCES.flatMap((r) =>
  Object.values(r.navigation ?? {}).flatMap((n) => (n.kind === 'children' ? [n.child] : [])),
);

/** relationships store key → owner resource + navigation name. */
export const LINK_OWNERS: ReadonlyMap<string, { resource: string; nav: string; single: boolean }> =
  new Map(
    RESOURCES.flatMap((r) =>
      Object.entries(r.navigation ?? {}).flatMap(([nav, n]) =>
        n.kind === 'links'
          ? [[n.store, { resource: r.name, nav, single: !!n.single }] as const]
          : [],
      ),
    ),
  );

export function getResource(name: string): ResourceDescriptor {
  const r = RESOURCE_BY_NAME.get(name);
  if (!r) throw new Error(`Unknown simulator resource '${name}'`);
  return r;
}

export type { ResourceDescriptor } from './descriptor';
