import {
  ALL_MODULES,
  FIRST_RELEASE,
  addedInVersionOf,
  compareVersions,
  getModule,
  modulesAddedAfter,
} from '../../../shared/modules';
import { modulesOfScope, scopeToSave } from '../../../shared/backup/backupScope';
import type { Category } from '../../../shared/modules/types';

/** Issue 6's list, by the category the issue gives each type. */
const ISSUE_6: Record<string, Category> = {
  teamsApps: 'Applications',
  intuneMobileApps: 'Applications',
  sharePointSettings: 'Applications',
  claimsMappingPolicies: 'Applications',
  tokenLifetimePolicies: 'Applications',
  tokenIssuancePolicies: 'Applications',
  homeRealmDiscoveryPolicies: 'Applications',
  appManagementPolicies: 'Applications',
  defaultAppManagementPolicy: 'Applications',
  riskDetections: 'Devices & Security',
  dlpAlerts: 'Devices & Security',
  deviceRegistrationPolicy: 'Devices & Security',
  securityDefaults: 'Devices & Security',
  authenticationStrengthPolicies: 'Devices & Security',
  authenticationContexts: 'Devices & Security',
  permissionGrantPolicies: 'Roles & Permissions',
  adminConsentRequestPolicy: 'Roles & Permissions',
  roleEligibilitySchedules: 'Roles & Permissions',
  roleAssignmentSchedules: 'Roles & Permissions',
  roleManagementPolicies: 'Roles & Permissions',
  accessPackageCatalogs: 'Identity Governance',
  accessPackages: 'Identity Governance',
  accessPackageAssignmentPolicies: 'Identity Governance',
  accessReviewDefinitions: 'Identity Governance',
  termsOfUseAgreements: 'Identity Governance',
  connectedOrganizations: 'Identity Governance',
  crossTenantAccessPolicy: 'External identities',
  crossTenantAccessDefault: 'External identities',
  crossTenantAccessPartners: 'External identities',
  externalIdentitiesPolicy: 'External identities',
  identityProviders: 'External identities',
  b2cUserFlows: 'External identities',
  apiConnectors: 'External identities',
  organizationalBranding: 'Organization',
  domains: 'Organization',
  groupSettings: 'Organization',
  organization: 'Organization',
  sensitivityLabels: 'Information protection',
  labelPolicySettings: 'Information protection',
  externalConnections: 'Connectors',
};
const NEW_IDS = Object.keys(ISSUE_6);

/** Catalogue release 0.3.0 (issue 6, second batch). */
const RELEASE_0_3_0: Record<string, Category> = {
  activityBasedTimeoutPolicies: 'Policies',
  authenticationFlowsPolicy: 'Policies',
  groupLifecyclePolicies: 'Users & Groups',
  attributeSets: 'Organization',
  customSecurityAttributeDefinitions: 'Organization',
};
const IDS_0_3_0 = Object.keys(RELEASE_0_3_0);

describe('modules carry the release that added them; scopes saved earlier opt in', () => {
  it('has every type of the issue in its category, flagged as added in 0.2.0', () => {
    for (const [id, category] of Object.entries(ISSUE_6)) {
      expect(getModule(id).category).toBe(category);
      expect(getModule(id).addedInVersion).toBe('0.2.0');
    }
    for (const [id, category] of Object.entries(RELEASE_0_3_0)) {
      expect(getModule(id).category).toBe(category);
      expect(getModule(id).addedInVersion).toBe('0.3.0');
    }
    // Every other module is either the first release's (no addedInVersion) or a later one's.
    const first = ALL_MODULES.filter((m) => m.addedInVersion === undefined);
    expect(first.every((m) => addedInVersionOf(m) === FIRST_RELEASE)).toBe(true);
    expect(first.map((m) => m.id)).toEqual(expect.arrayContaining(['users', 'groups']));
    for (const m of ALL_MODULES.filter((x) => x.addedInVersion !== undefined))
      expect(compareVersions(m.addedInVersion!, FIRST_RELEASE)).toBeGreaterThan(0);
  });

  it('lists the modules a scope saved with an older release has not seen', () => {
    const after = (version: string): string[] => modulesAddedAfter(version).map((m) => m.id);
    expect(after('0.1.0')).toEqual(expect.arrayContaining([...NEW_IDS, ...IDS_0_3_0]));
    expect(after('0.1.0')).not.toContain('users');
    // A scope saved with catalogue 0.2.0 has not seen the 0.3.0 modules (nor later ones).
    expect(after('0.2.0')).toEqual(expect.arrayContaining(IDS_0_3_0));
    expect(after('0.2.0').filter((id) => NEW_IDS.includes(id))).toEqual([]);
    const newest = ALL_MODULES.map(addedInVersionOf).sort(compareVersions).pop()!;
    expect(modulesAddedAfter(newest)).toEqual([]);
    expect(modulesAddedAfter('0.0.9')).toHaveLength(ALL_MODULES.length);
    expect(compareVersions('0.10.0', '0.9.1')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(() => modulesAddedAfter('latest')).toThrow(/'latest' is not a release version/);
  });

  it('starts the 0.3.0 modules off, flagged new, for a scope saved with catalogue 0.2.0', () => {
    const saved = scopeToSave({
      enableAll: false,
      categories: { Policies: true, Organization: true, 'Users & Groups': true },
      modules: {},
    });
    const known0_2_0 = ALL_MODULES.filter((m) => !modulesAddedAfter('0.2.0').includes(m)).map(
      (m) => m.id,
    );
    const view = modulesOfScope({ ...saved, knownModules: known0_2_0 });
    expect(view.newModules).toEqual(modulesAddedAfter('0.2.0').map((m) => m.id));
    expect(view.newModules).toEqual(expect.arrayContaining(IDS_0_3_0));
    for (const id of IDS_0_3_0) expect(view.selectedModules).not.toContain(id);
    expect(view.selectedModules).toEqual(expect.arrayContaining(['users', 'domains']));
    // Saved again now, the scope knows them and its categories take them in.
    expect(modulesOfScope(saved).selectedModules).toEqual(expect.arrayContaining(IDS_0_3_0));
  });
});
