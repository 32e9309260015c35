import { accessPackageAssignmentPolicies } from './accessPackageAssignmentPolicies';
import { accessPackageCatalogs } from './accessPackageCatalogs';
import { accessPackages } from './accessPackages';
import { accessReviewDefinitions } from './accessReviewDefinitions';
import { agreements } from './agreements';
import { apiConnectors } from './apiConnectors';
import { appManagementPolicies } from './appManagementPolicies';
import { authenticationContextClassReferences } from './authenticationContextClassReferences';
import { authenticationStrengthPolicies } from './authenticationStrengthPolicies';
import { b2cUserFlows } from './b2cUserFlows';
import { claimsMappingPolicies } from './claimsMappingPolicies';
import { connectedOrganizations } from './connectedOrganizations';
import { crossTenantAccessPartners } from './crossTenantAccessPartners';
import { domains } from './domains';
import { externalConnections } from './externalConnections';
import { groupSettings } from './groupSettings';
import { groupSettingTemplates } from './groupSettingTemplates';
import { homeRealmDiscoveryPolicies } from './homeRealmDiscoveryPolicies';
import { identityProviders } from './identityProviders';
import { mobileApps } from './mobileApps';
import { permissionGrantPolicies } from './permissionGrantPolicies';
import { riskDetections } from './riskDetections';
import { roleAssignmentScheduleRequests, roleAssignmentSchedules } from './roleAssignmentSchedules';
import {
  roleEligibilityScheduleRequests,
  roleEligibilitySchedules,
} from './roleEligibilitySchedules';
import { roleManagementPolicies } from './roleManagementPolicies';
import { roleManagementPolicyAssignments } from './roleManagementPolicyAssignments';
import { securityAlerts } from './securityAlerts';
import { sensitivityLabels } from './sensitivityLabels';
import { teamsApps } from './teamsApps';
import { tokenIssuancePolicies } from './tokenIssuancePolicies';
import { tokenLifetimePolicies } from './tokenLifetimePolicies';
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
import { activityBasedTimeoutPolicies } from './activityBasedTimeoutPolicies';
import { groupLifecyclePolicies } from './groupLifecyclePolicies';
import { attributeSets } from './attributeSets';
import { customSecurityAttributeDefinitions } from './customSecurityAttributeDefinitions';

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
  // Full catalogue (issue 6); singletons are in catalogueSingletons.ts.
  teamsApps,
  mobileApps,
  claimsMappingPolicies,
  tokenLifetimePolicies,
  tokenIssuancePolicies,
  homeRealmDiscoveryPolicies,
  appManagementPolicies,
  riskDetections,
  securityAlerts,
  authenticationStrengthPolicies,
  authenticationContextClassReferences,
  permissionGrantPolicies,
  roleEligibilitySchedules,
  roleEligibilityScheduleRequests,
  roleAssignmentSchedules,
  roleAssignmentScheduleRequests,
  roleManagementPolicies,
  roleManagementPolicyAssignments,
  accessPackageCatalogs,
  accessPackages,
  accessPackageAssignmentPolicies,
  connectedOrganizations,
  accessReviewDefinitions,
  agreements,
  crossTenantAccessPartners,
  identityProviders,
  b2cUserFlows,
  apiConnectors,
  domains,
  groupSettingTemplates,
  groupSettings,
  sensitivityLabels,
  externalConnections,
  // Catalogue 0.3.0.
  activityBasedTimeoutPolicies,
  groupLifecyclePolicies,
  attributeSets,
  customSecurityAttributeDefinitions,
];

export const RESOURCE_BY_NAME: ReadonlyMap<string, ResourceDescriptor> = new Map(
  RESOURCES.map((r) => [r.name, r]),
);

/** Routable collections, longest path first so 'directory/administrativeUnits' wins over shorter prefixes. */
export const ROUTABLE_RESOURCES: readonly ResourceDescriptor[] = RESOURCES.filter(
  (r) => r.path,
).sort((a, b) => b.path.split('/').length - a.path.split('/').length);

/** Child collections (and single children, at any depth) by name, stored in TenantState.children. */
export const CHILD_RESOURCES: readonly ResourceDescriptor[] = (() => {
  const byName = new Map<string, ResourceDescriptor>();
  const visit = (r: ResourceDescriptor): void => {
    for (const n of Object.values(r.navigation ?? {})) {
      if (n.kind !== 'children' && n.kind !== 'singleChild') continue;
      if (byName.has(n.child.name) && byName.get(n.child.name) === n.child) continue;
      if (!byName.has(n.child.name)) byName.set(n.child.name, n.child);
      visit(n.child);
    }
  };
  RESOURCES.forEach(visit);
  return [...byName.values()];
})();

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
