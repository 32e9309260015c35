import type { GraphObject } from '../../tenantState';
import { type CatalogueSource, add, addChildren, link, nth } from './source';

const TEAMS_APPS = [
  ['Contoso Expenses', 'com.contoso.expenses'],
  ['Contoso Onboarding Bot', 'com.contoso.onboarding'],
  ['Helpdesk Tickets', 'com.contoso.helpdesk'],
  ['Sales Pipeline', 'com.contoso.pipeline'],
  ['Room Booking', 'com.contoso.rooms'],
];

/** Teams apps published to the org catalog, each with one app definition. */
export function addTeamsApps(s: CatalogueSource): void {
  const count = 2 + s.scale;
  for (let i = 0; i < count; i++) {
    const [name, externalId] = nth(TEAMS_APPS, i);
    const id = s.rng.guid();
    const label = i < TEAMS_APPS.length ? name : `${name} ${Math.floor(i / TEAMS_APPS.length) + 1}`;
    add(s.tenant, 'teamsApps', [
      {
        id,
        displayName: label,
        distributionMethod: 'organization',
        externalId: `${externalId}.${i}`,
      },
    ]);
    addChildren(s.tenant, 'teamsAppDefinitions', id, [
      {
        id: Buffer.from(`${id}@1.0.${i}`).toString('base64'),
        teamsAppId: id,
        displayName: label,
        version: `1.0.${i}`,
        publishingState: 'published',
        shortDescription: `${label} for Contoso employees`,
        description: `${label}: an internal line-of-business app.`,
        lastModifiedDateTime: s.when(20 + i),
        createdBy: null,
        authorization: { requiredPermissionSet: { resourceSpecificPermissions: [] } },
      },
    ]);
  }
}

const MOBILE_APPS: Array<Record<string, unknown>> = [
  {
    '@odata.type': '#microsoft.graph.iosStoreApp',
    displayName: 'Microsoft Authenticator (iOS)',
    publisher: 'Microsoft Corporation',
    appStoreUrl: 'https://apps.apple.com/app/microsoft-authenticator/id983156458',
    bundleId: 'com.microsoft.azureauthenticator',
    applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
    minimumSupportedOperatingSystem: { v15_0: true },
  },
  {
    '@odata.type': '#microsoft.graph.androidStoreApp',
    displayName: 'Microsoft Teams (Android)',
    publisher: 'Microsoft Corporation',
    appStoreUrl: 'https://play.google.com/store/apps/details?id=com.microsoft.teams',
    packageId: 'com.microsoft.teams',
    minimumSupportedOperatingSystem: { v8_0: true },
  },
  {
    '@odata.type': '#microsoft.graph.webApp',
    displayName: 'Contoso Intranet',
    publisher: 'Contoso IT',
    appUrl: 'https://intranet.contoso.com',
    useManagedBrowser: true,
  },
  {
    '@odata.type': '#microsoft.graph.webApp',
    displayName: 'Contoso Expenses (web)',
    publisher: 'Contoso IT',
    appUrl: 'https://expenses.contoso.com',
    useManagedBrowser: false,
  },
];

/** Intune apps with group-targeted assignments (required / available). */
export function addMobileApps(s: CatalogueSource): void {
  const count = 2 + 2 * s.scale;
  for (let i = 0; i < count; i++) {
    const template = nth(MOBILE_APPS, i);
    const id = s.rng.guid();
    const suffix = i < MOBILE_APPS.length ? '' : ` ${Math.floor(i / MOBILE_APPS.length) + 1}`;
    add(s.tenant, 'mobileApps', [
      {
        ...template,
        id,
        displayName: `${String(template.displayName)}${suffix}`,
        description: `${String(template.displayName)} deployed by Contoso IT.`,
        developer: '',
        owner: '',
        notes: '',
        informationUrl: null,
        privacyInformationUrl: null,
        isFeatured: i === 0,
        largeIcon: null,
        createdDateTime: s.when(90 - i),
        lastModifiedDateTime: s.when(10 + i),
        publishingState: 'published',
      },
    ]);
    const groups = [nth(s.securityGroups, i), nth(s.securityGroups, i + 1)];
    addChildren(
      s.tenant,
      'mobileAppAssignments',
      id,
      groups.map((g, n) => ({
        id: `${id}_${n}_${g.id}`,
        intent: n === 0 ? 'required' : 'available',
        settings: null,
        target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: g.id },
      })),
    );
  }
}

const policy = (
  s: CatalogueSource,
  displayName: string,
  definition: unknown,
  isOrganizationDefault = false,
): GraphObject => ({
  id: s.rng.guid(),
  displayName,
  description: null,
  definition: [JSON.stringify(definition)],
  isOrganizationDefault,
  deletedDateTime: null,
});

/** Token / claims / HRD / app management policies and their app and SP assignments. */
export function addApplicationPolicies(s: CatalogueSource): void {
  const t = s.tenant;
  for (let i = 0; i < 1 + s.scale; i++) {
    const claims = policy(s, i ? `Extra claims ${i + 1}` : 'Employee ID in tokens', {
      ClaimsMappingPolicy: {
        Version: 1,
        IncludeBasicClaimSet: 'true',
        ClaimsSchema: [{ Source: 'user', ID: 'employeeid', JwtClaimType: 'employeeid' }],
      },
    });
    add(t, 'claimsMappingPolicies', [claims]);
    link(t, 'servicePrincipalClaimsMappingPolicies', nth(s.ownServicePrincipals, i).id, claims.id);
    const lifetime = policy(s, i ? `Token lifetime ${i + 1}` : 'Short-lived access tokens', {
      TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: '01:00:00' },
    });
    add(t, 'tokenLifetimePolicies', [lifetime]);
    link(t, 'applicationTokenLifetimePolicies', nth(s.applications, i).id, lifetime.id);
  }
  const issuance = policy(s, 'SAML signing: assertion and response', {
    TokenIssuancePolicy: {
      Version: 1,
      SigningAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      TokenResponseSigningPolicy: 'ResponseAndToken',
      SamlTokenVersion: '2.0',
    },
  });
  add(t, 'tokenIssuancePolicies', [issuance]);
  link(t, 'applicationTokenIssuancePolicies', nth(s.applications, 1).id, issuance.id);
  const hrd = policy(s, 'Accelerate to Contoso ADFS', {
    HomeRealmDiscoveryPolicy: {
      AccelerateToFederatedDomain: true,
      PreferredDomain: 'corp.contoso.com',
    },
  });
  add(t, 'homeRealmDiscoveryPolicies', [hrd]);
  link(t, 'servicePrincipalHomeRealmDiscoveryPolicies', nth(s.ownServicePrincipals, 1).id, hrd.id);
  for (let i = 0; i < s.scale; i++) {
    const id = s.rng.guid();
    add(t, 'appManagementPolicies', [
      {
        id,
        displayName: i ? `Credential restrictions ${i + 1}` : 'No secrets older than 90 days',
        description: 'Limits password credential lifetime for line-of-business apps.',
        isEnabled: true,
        deletedDateTime: null,
        restrictions: {
          passwordCredentials: [
            {
              restrictionType: 'passwordLifetime',
              maxLifetime: 'P90D',
              restrictForAppsCreatedAfterDateTime: '2024-01-01T00:00:00Z',
            },
          ],
          keyCredentials: [],
        },
      },
    ]);
    link(t, 'applicationAppManagementPolicies', nth(s.applications, i + 2).id, id);
  }
}

const RISK_TYPES = [
  'unfamiliarFeatures',
  'anonymizedIPAddress',
  'impossibleTravel',
  'maliciousIPAddress',
  'passwordSpray',
];
const CITIES = [
  { city: 'Lagos', state: 'Lagos', countryOrRegion: 'NG' },
  { city: 'Bucharest', state: 'Bucuresti', countryOrRegion: 'RO' },
  { city: 'Seattle', state: 'Washington', countryOrRegion: 'US' },
];

/** Identity Protection detections for a few users (history: backup only). */
export function addRiskDetections(s: CatalogueSource): void {
  const count = 3 + 5 * s.scale;
  for (let i = 0; i < count; i++) {
    const user = nth(s.members, i * 3 + 2);
    const at = s.when(1 + i);
    add(s.tenant, 'riskDetections', [
      {
        id: s.rng.guid().replace(/-/g, ''),
        requestId: s.rng.guid(),
        correlationId: s.rng.guid(),
        riskEventType: nth(RISK_TYPES, i),
        riskState: i % 3 === 0 ? 'remediated' : 'atRisk',
        riskLevel: nth(['low', 'medium', 'high'], i),
        riskDetail: i % 3 === 0 ? 'userPerformedSecuredPasswordReset' : 'none',
        source: 'IdentityProtection',
        detectionTimingType: i % 2 ? 'realtime' : 'offline',
        activity: 'signin',
        tokenIssuerType: 'AzureAD',
        ipAddress: `203.0.113.${10 + (i % 200)}`,
        location: { ...nth(CITIES, i), geoCoordinates: null },
        activityDateTime: at,
        detectedDateTime: at,
        lastUpdatedDateTime: at,
        userId: user.id,
        userDisplayName: user.displayName,
        userPrincipalName: user.userPrincipalName,
        additionalInfo: '[]',
      },
    ]);
  }
}

/** Security alerts; half come from DLP (serviceSource dataLossPrevention, B41). */
export function addSecurityAlerts(s: CatalogueSource): void {
  const count = 2 + 4 * s.scale;
  for (let i = 0; i < count; i++) {
    const dlp = i % 2 === 0;
    const user = nth(s.members, i + 4);
    const at = s.when(2 + i);
    const id = `${dlp ? 'dl' : 'da'}${s.rng.guid().replace(/-/g, '').slice(0, 30)}`;
    add(s.tenant, 'securityAlerts', [
      {
        id,
        providerAlertId: s.rng.guid(),
        incidentId: String(1000 + i),
        status: i % 4 === 0 ? 'resolved' : 'new',
        severity: nth(['low', 'medium', 'high'], i),
        classification: null,
        determination: null,
        serviceSource: dlp ? 'dataLossPrevention' : 'microsoftDefenderForEndpoint',
        detectionSource: dlp ? 'dataLossPrevention' : 'antivirus',
        productName: dlp ? 'Microsoft Data Loss Prevention' : 'Microsoft Defender for Endpoint',
        detectorId: s.rng.guid(),
        tenantId: s.tenantId,
        title: dlp
          ? `DLP policy match: credit card numbers shared by ${String(user.displayName)}`
          : 'Suspicious PowerShell command line',
        description: dlp
          ? 'A document with credit card numbers was shared outside the organization.'
          : 'A suspicious PowerShell activity was observed.',
        recommendedActions: '',
        category: dlp ? 'Exfiltration' : 'Execution',
        assignedTo: null,
        alertWebUrl: `https://security.microsoft.com/alerts/${id}`,
        incidentWebUrl: `https://security.microsoft.com/incidents/${1000 + i}`,
        actorDisplayName: null,
        threatDisplayName: null,
        threatFamilyName: null,
        mitreTechniques: dlp ? [] : ['T1059.001'],
        createdDateTime: at,
        lastUpdateDateTime: at,
        resolvedDateTime: i % 4 === 0 ? at : null,
        firstActivityDateTime: at,
        lastActivityDateTime: at,
        comments: [],
        evidence: [
          {
            '@odata.type': '#microsoft.graph.security.userEvidence',
            createdDateTime: at,
            verdict: 'suspicious',
            remediationStatus: 'none',
            roles: [],
            tags: [],
            userAccount: {
              accountName: String(user.mailNickname ?? ''),
              azureAdUserId: user.id,
              displayName: user.displayName,
              userPrincipalName: user.userPrincipalName,
            },
          },
        ],
        systemTags: [],
        additionalData: {},
        alertPolicyId: null,
        customDetails: null,
        investigationState: 'unsupportedAlertType',
      },
    ]);
  }
}
