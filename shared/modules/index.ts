import { administrativeUnitsModule } from './administrativeUnits';
import { applicationsModule } from './applications';
import { authenticationMethodsPolicyModule } from './authenticationMethodsPolicy';
import { authorizationPolicyModule } from './authorizationPolicy';
import { conditionalAccessPoliciesModule } from './conditionalAccessPolicies';
import { directoryRolesModule } from './directoryRoles';
import { groupsModule } from './groups';
import { namedLocationsModule } from './namedLocations';
import { oauth2PermissionGrantsModule } from './oauth2PermissionGrants';
import { roleAssignmentsModule } from './roleAssignments';
import { roleDefinitionsModule } from './roleDefinitions';
import { servicePrincipalsModule } from './servicePrincipals';
import { usersModule } from './users';
import { teamsAppsModule } from './teamsApps';
import { intuneMobileAppsModule } from './intuneMobileApps';
import { sharePointSettingsModule } from './sharePointSettings';
import { claimsMappingPoliciesModule } from './claimsMappingPolicies';
import { tokenLifetimePoliciesModule } from './tokenLifetimePolicies';
import { tokenIssuancePoliciesModule } from './tokenIssuancePolicies';
import { homeRealmDiscoveryPoliciesModule } from './homeRealmDiscoveryPolicies';
import { appManagementPoliciesModule } from './appManagementPolicies';
import { defaultAppManagementPolicyModule } from './defaultAppManagementPolicy';
import { deviceRegistrationPolicyModule } from './deviceRegistrationPolicy';
import { securityDefaultsModule } from './securityDefaults';
import { authenticationStrengthPoliciesModule } from './authenticationStrengthPolicies';
import { authenticationContextsModule } from './authenticationContexts';
import { riskDetectionsModule } from './riskDetections';
import { dlpAlertsModule } from './dlpAlerts';
import { permissionGrantPoliciesModule } from './permissionGrantPolicies';
import { adminConsentRequestPolicyModule } from './adminConsentRequestPolicy';
import { roleEligibilitySchedulesModule } from './roleEligibilitySchedules';
import { roleAssignmentSchedulesModule } from './roleAssignmentSchedules';
import { roleManagementPoliciesModule } from './roleManagementPolicies';
import { accessPackageCatalogsModule } from './accessPackageCatalogs';
import { accessPackagesModule } from './accessPackages';
import { accessPackageAssignmentPoliciesModule } from './accessPackageAssignmentPolicies';
import { accessReviewDefinitionsModule } from './accessReviewDefinitions';
import { termsOfUseAgreementsModule } from './termsOfUseAgreements';
import { connectedOrganizationsModule } from './connectedOrganizations';
import { crossTenantAccessPolicyModule } from './crossTenantAccessPolicy';
import { crossTenantAccessDefaultModule } from './crossTenantAccessDefault';
import { crossTenantAccessPartnersModule } from './crossTenantAccessPartners';
import { externalIdentitiesPolicyModule } from './externalIdentitiesPolicy';
import { identityProvidersModule } from './identityProviders';
import { b2cUserFlowsModule } from './b2cUserFlows';
import { apiConnectorsModule } from './apiConnectors';
import { organizationModule } from './organization';
import { organizationalBrandingModule } from './organizationalBranding';
import { domainsModule } from './domains';
import { groupSettingsModule } from './groupSettings';
import { sensitivityLabelsModule } from './sensitivityLabels';
import { labelPolicySettingsModule } from './labelPolicySettings';
import { externalConnectionsModule } from './externalConnections';
import { activityBasedTimeoutPoliciesModule } from './activityBasedTimeoutPolicies';
import { authenticationFlowsPolicyModule } from './authenticationFlowsPolicy';
import { groupLifecyclePoliciesModule } from './groupLifecyclePolicies';
import { attributeSetsModule } from './attributeSets';
import { customSecurityAttributeDefinitionsModule } from './customSecurityAttributeDefinitions';
import { CATEGORIES, type Category, type ModuleDefinition } from './types';

/** The catalogue, in display order (grouped by category). */
export const ALL_MODULES: readonly ModuleDefinition[] = [
  usersModule,
  groupsModule,
  applicationsModule,
  servicePrincipalsModule,
  oauth2PermissionGrantsModule,
  administrativeUnitsModule,
  directoryRolesModule,
  roleDefinitionsModule,
  roleAssignmentsModule,
  namedLocationsModule,
  conditionalAccessPoliciesModule,
  authenticationMethodsPolicyModule,
  authorizationPolicyModule,
  // Added in 0.2.0 (issue 6), in category order.
  teamsAppsModule,
  intuneMobileAppsModule,
  sharePointSettingsModule,
  claimsMappingPoliciesModule,
  tokenLifetimePoliciesModule,
  tokenIssuancePoliciesModule,
  homeRealmDiscoveryPoliciesModule,
  appManagementPoliciesModule,
  defaultAppManagementPolicyModule,
  deviceRegistrationPolicyModule,
  securityDefaultsModule,
  authenticationStrengthPoliciesModule,
  authenticationContextsModule,
  riskDetectionsModule,
  dlpAlertsModule,
  permissionGrantPoliciesModule,
  adminConsentRequestPolicyModule,
  roleEligibilitySchedulesModule,
  roleAssignmentSchedulesModule,
  roleManagementPoliciesModule,
  accessPackageCatalogsModule,
  accessPackagesModule,
  accessPackageAssignmentPoliciesModule,
  accessReviewDefinitionsModule,
  termsOfUseAgreementsModule,
  connectedOrganizationsModule,
  crossTenantAccessPolicyModule,
  crossTenantAccessDefaultModule,
  crossTenantAccessPartnersModule,
  externalIdentitiesPolicyModule,
  identityProvidersModule,
  b2cUserFlowsModule,
  apiConnectorsModule,
  organizationModule,
  organizationalBrandingModule,
  domainsModule,
  groupSettingsModule,
  sensitivityLabelsModule,
  labelPolicySettingsModule,
  externalConnectionsModule,
  // Added in 0.3.0; modulesByCategory places them in their categories.
  activityBasedTimeoutPoliciesModule,
  authenticationFlowsPolicyModule,
  groupLifecyclePoliciesModule,
  attributeSetsModule,
  customSecurityAttributeDefinitionsModule,
];

const BY_ID = new Map(ALL_MODULES.map((m) => [m.id, m]));

export function isModuleId(id: string): boolean {
  return BY_ID.has(id);
}

export function getModule(id: string): ModuleDefinition {
  const module = BY_ID.get(id);
  if (!module) {
    throw new Error(`Unknown module '${id}'. Valid modules: ${[...BY_ID.keys()].join(', ')}`);
  }
  return module;
}

/** Categories in catalogue order, each with its modules; categories without modules are left out. */
export function modulesByCategory(): { category: Category; modules: ModuleDefinition[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    modules: ALL_MODULES.filter((m) => m.category === category),
  })).filter((entry) => entry.modules.length > 0);
}

export interface ModuleSelection {
  enableAll?: boolean;
  categories?: string[];
  modules?: string[];
}

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/**
 * The module ids a settings selection turns on (all, whole categories, single modules), in
 * catalogue order. Unknown categories or modules are errors, never silently ignored.
 */
export function resolveSelection(selection: ModuleSelection): string[] {
  const unknownCategories = (selection.categories ?? []).filter((c) => !isCategory(c));
  if (unknownCategories.length > 0) {
    throw new Error(
      `Unknown categor${unknownCategories.length > 1 ? 'ies' : 'y'} ${unknownCategories
        .map((c) => `'${c}'`)
        .join(', ')}. Valid categories: ${CATEGORIES.join(', ')}`,
    );
  }
  const unknownModules = (selection.modules ?? []).filter((m) => !isModuleId(m));
  if (unknownModules.length > 0) {
    throw new Error(
      `Unknown module${unknownModules.length > 1 ? 's' : ''} ${unknownModules
        .map((m) => `'${m}'`)
        .join(', ')}. Valid modules: ${[...BY_ID.keys()].join(', ')}`,
    );
  }
  const categories = new Set(selection.categories ?? []);
  const modules = new Set(selection.modules ?? []);
  return ALL_MODULES.filter(
    (m) => selection.enableAll === true || categories.has(m.category) || modules.has(m.id),
  ).map((m) => m.id);
}

/**
 * Restore waves for a set of modules: each wave depends only on earlier waves. Dependencies on
 * modules outside the set are ignored (their objects are already in the tenant or not restored).
 * A dependency cycle is an error naming the modules involved.
 */
export function restoreOrder(moduleIds: readonly string[]): string[][] {
  const selected = new Set(moduleIds.map((id) => getModule(id).id));
  const remaining = ALL_MODULES.filter((m) => selected.has(m.id));
  const placed = new Set<string>();
  const waves: string[][] = [];
  while (remaining.length > 0) {
    const wave = remaining.filter((m) =>
      m.dependsOn.every((dep) => dep === m.id || !selected.has(dep) || placed.has(dep)),
    );
    if (wave.length === 0) {
      throw new Error(`Module dependency cycle among: ${remaining.map((m) => m.id).join(', ')}`);
    }
    for (const m of wave) {
      placed.add(m.id);
      remaining.splice(remaining.indexOf(m), 1);
    }
    waves.push(wave.map((m) => m.id));
  }
  return waves;
}

export type { ModuleDefinition } from './types';

/** The release of the module catalogue's first modules (those without `addedInVersion`). */
export const FIRST_RELEASE = '0.1.0';

/** The release that added a module. */
export function addedInVersionOf(module: ModuleDefinition): string {
  return module.addedInVersion ?? FIRST_RELEASE;
}

function versionParts(version: string): number[] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`'${version}' is not a release version (major.minor.patch)`);
  return match.slice(1).map(Number);
}

/** Compares two major.minor.patch versions: negative, zero or positive like a sort comparator. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * Modules added after a release, in catalogue order: a scope last saved with `version` has never
 * seen them, so they start off there and are flagged as new until an admin decides.
 */
export function modulesAddedAfter(version: string): ModuleDefinition[] {
  return ALL_MODULES.filter((m) => compareVersions(addedInVersionOf(m), version) > 0);
}
