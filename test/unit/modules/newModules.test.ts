import {
  ALL_MODULES,
  FIRST_RELEASE,
  addedInVersionOf,
  compareVersions,
  getModule,
  modulesAddedAfter,
  resolveSelection,
  restoreOrder,
} from '../../../shared/modules';
import { requiredPermissions } from '../../../shared/modules/permissions';
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

describe('modules added for issue 6', () => {
  it('has every type of the issue in its category, flagged as added in 0.2.0', () => {
    for (const [id, category] of Object.entries(ISSUE_6)) {
      expect(getModule(id).category).toBe(category);
      expect(getModule(id).addedInVersion).toBe('0.2.0');
    }
    for (const [id, category] of Object.entries(RELEASE_0_3_0)) {
      expect(getModule(id).category).toBe(category);
      expect(getModule(id).addedInVersion).toBe('0.3.0');
    }
    const core = ALL_MODULES.filter((m) => !NEW_IDS.includes(m.id) && !IDS_0_3_0.includes(m.id));
    expect(core.every((m) => m.addedInVersion === undefined)).toBe(true);
    expect(core.every((m) => addedInVersionOf(m) === FIRST_RELEASE)).toBe(true);
  });

  it('lists the modules a scope saved with an older release has not seen', () => {
    expect(
      modulesAddedAfter('0.1.0')
        .map((m) => m.id)
        .sort(),
    ).toEqual([...NEW_IDS, ...IDS_0_3_0].sort());
    // A scope saved with catalogue 0.2.0 has not seen the 0.3.0 modules.
    expect(modulesAddedAfter('0.2.0').map((m) => m.id)).toEqual(IDS_0_3_0);
    expect(modulesAddedAfter('0.3.0')).toEqual([]);
    expect(modulesAddedAfter('0.0.9')).toHaveLength(ALL_MODULES.length);
    expect(compareVersions('0.10.0', '0.9.1')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(() => modulesAddedAfter('latest')).toThrow(/'latest' is not a release version/);
  });

  it('keeps history, write-less and delegated-only types backup-only, with a reason', () => {
    const backupOnly = ALL_MODULES.filter((m) => m.restore.kind === 'backupOnly').map((m) => m.id);
    expect(backupOnly.sort()).toEqual(
      [
        'dlpAlerts',
        'labelPolicySettings',
        'riskDetections',
        'roleManagementPolicies',
        'sensitivityLabels',
        'teamsApps',
        'termsOfUseAgreements',
      ].sort(),
    );
    expect(getModule('termsOfUseAgreements').delegatedOnly?.reason).toMatch(/delegated-only/);
    expect(ALL_MODULES.filter((m) => m.delegatedOnly).map((m) => m.id)).toEqual([
      'termsOfUseAgreements',
    ]);
  });

  it('uses beta only where v1.0 has no equivalent', () => {
    expect(
      ALL_MODULES.filter((m) => m.graphVersion === 'beta')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['b2cUserFlows', 'externalIdentitiesPolicy', 'labelPolicySettings']);
  });

  it('restores with the strategies Graph requires', () => {
    const restore = (id: string) => getModule(id).restore;
    expect(restore('accessPackageAssignmentPolicies')).toMatchObject({ updateMethod: 'PUT' });
    expect(restore('accessReviewDefinitions')).toMatchObject({ updateMethod: 'PUT' });
    expect(restore('deviceRegistrationPolicy')).toMatchObject({ kind: 'singleton', method: 'PUT' });
    expect(restore('adminConsentRequestPolicy')).toMatchObject({
      kind: 'singleton',
      method: 'PUT',
    });
    expect(restore('securityDefaults')).toMatchObject({ kind: 'singleton', method: 'PATCH' });
    expect(restore('roleEligibilitySchedules')).toMatchObject({
      createOnly: true,
      createPath: '/roleManagement/directory/roleEligibilityScheduleRequests',
      createDefaults: { action: 'adminAssign' },
    });
    expect(restore('organization')).toMatchObject({ updateOnly: true });
    expect(getModule('crossTenantAccessPartners').keyProperty).toBe('tenantId');
    for (const id of ['domains', 'permissionGrantPolicies', 'authenticationContexts']) {
      expect(getModule(id).callerChosenId).toBe(true);
    }
  });

  it('restores only the five writable organization properties', () => {
    const organization = getModule('organization');
    const live = {
      id: 't1',
      displayName: 'Contoso',
      city: 'Redmond',
      marketingNotificationEmails: ['m@contoso.com'],
      privacyProfile: { contactEmail: 'p@contoso.com', statementUrl: 'https://x' },
      securityComplianceNotificationMails: ['s@contoso.com'],
      securityComplianceNotificationPhones: ['+1 555'],
      technicalNotificationMails: ['t@contoso.com'],
      verifiedDomains: [],
    };
    const writable = Object.keys(live).filter((k) => !organization.readOnlyProperties.includes(k));
    expect(writable.sort()).toEqual([
      'marketingNotificationEmails',
      'privacyProfile',
      'securityComplianceNotificationMails',
      'securityComplianceNotificationPhones',
      'technicalNotificationMails',
    ]);
  });

  it('assigns token and claims policies from the assigned object (linkOwner target)', () => {
    for (const [id, owner] of [
      ['claimsMappingPolicies', 'servicePrincipals'],
      ['homeRealmDiscoveryPolicies', 'servicePrincipals'],
      ['tokenLifetimePolicies', 'applications'],
      ['tokenIssuancePolicies', 'applications'],
      ['appManagementPolicies', 'applications'],
    ]) {
      const [appliesTo] = getModule(id).relationships;
      expect(appliesTo).toMatchObject({ name: 'appliesTo', linkOwner: 'target', targets: [owner] });
      expect(appliesTo.addPath).toBe(`/${owner}/{refId}/${id}/$ref`);
      expect(appliesTo.removePath).toBe(`/${owner}/{refId}/${id}/{id}/$ref`);
    }
  });

  it('keeps branding images as binary blobs next to the JSON', () => {
    const branding = getModule('organizationalBranding');
    expect(branding.binaryProperties?.map((b) => b.name).sort()).toEqual(
      [
        'backgroundImage',
        'bannerLogo',
        'customCSS',
        'favicon',
        'headerLogo',
        'squareLogo',
        'squareLogoDark',
      ].sort(),
    );
    for (const b of branding.binaryProperties ?? []) {
      expect(b.path).toBe(`/organization/{tenantId}/branding/localizations/{id}/${b.name}`);
      expect(b.contentType).toBeTruthy();
    }
  });

  it('orders governance and role restores after what they reference', () => {
    const waves = restoreOrder([
      'accessPackageAssignmentPolicies',
      'accessPackages',
      'accessPackageCatalogs',
      'connectedOrganizations',
      'groups',
    ]);
    const waveOf = (id: string) => waves.findIndex((w) => w.includes(id));
    expect(waveOf('accessPackageCatalogs')).toBeLessThan(waveOf('accessPackages'));
    expect(waveOf('accessPackages')).toBeLessThan(waveOf('accessPackageAssignmentPolicies'));
    expect(waveOf('connectedOrganizations')).toBeLessThan(
      waveOf('accessPackageAssignmentPolicies'),
    );
    const pim = restoreOrder(['roleEligibilitySchedules', 'roleDefinitions', 'users']);
    expect(pim[pim.length - 1]).toEqual(['roleEligibilitySchedules']);
  });

  it('selects new categories and sums their permissions', () => {
    expect(resolveSelection({ categories: ['Connectors'] })).toEqual(['externalConnections']);
    expect(resolveSelection({ categories: ['Identity Governance'] })).toEqual([
      'accessPackageCatalogs',
      'accessPackages',
      'accessPackageAssignmentPolicies',
      'accessReviewDefinitions',
      'termsOfUseAgreements',
      'connectedOrganizations',
    ]);
    const governance = requiredPermissions(
      ['accessPackages', 'accessReviewDefinitions', 'riskDetections'],
      { restore: true },
    );
    expect(governance.backup).toEqual([
      'AccessReview.Read.All',
      'EntitlementManagement.Read.All',
      'IdentityRiskEvent.Read.All',
    ]);
    // Backup-only riskDetections adds nothing to restore.
    expect(governance.restore).toEqual([
      'AccessReview.ReadWrite.All',
      'EntitlementManagement.ReadWrite.All',
    ]);
    const domains = requiredPermissions(['domains'], { restore: true });
    expect(domains.restore).toEqual([
      'Domain-InternalFederation.ReadWrite.All',
      'Domain.ReadWrite.All',
    ]);
  });
});
