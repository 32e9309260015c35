import { ALL_MODULES, getModule, resolveSelection, restoreOrder } from '../../../shared/modules';
import { requiredPermissions } from '../../../shared/modules/permissions';

describe('modules declare what Graph allows for their types', () => {
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
