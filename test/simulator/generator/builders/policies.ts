import type { GraphObject } from '../../tenantState';
import { type GenContext, pastTimestamp, preciseTimestamp } from '../context';
import type { Prng } from '../prng';
import { GUEST_USER_ROLE_TEMPLATE } from '../wellKnown';

export function buildIpNamedLocation(
  rng: Prng,
  displayName: string,
  cidrs: string[],
  isTrusted: boolean,
): GraphObject {
  const created = preciseTimestamp(rng, 900, 30);
  return {
    '@odata.type': '#microsoft.graph.ipNamedLocation',
    id: rng.guid(),
    displayName,
    createdDateTime: created,
    modifiedDateTime: created,
    isTrusted,
    ipRanges: cidrs.map((cidrAddress) => ({
      '@odata.type': cidrAddress.includes(':')
        ? '#microsoft.graph.iPv6CidrRange'
        : '#microsoft.graph.iPv4CidrRange',
      cidrAddress,
    })),
  };
}

export function buildCountryNamedLocation(
  rng: Prng,
  displayName: string,
  countries: string[],
  includeUnknown: boolean,
): GraphObject {
  const created = preciseTimestamp(rng, 900, 30);
  return {
    '@odata.type': '#microsoft.graph.countryNamedLocation',
    id: rng.guid(),
    displayName,
    createdDateTime: created,
    modifiedDateTime: created,
    countriesAndRegions: [...countries],
    countryLookupMethod: 'clientIpAddress',
    includeUnknownCountriesAndRegions: includeUnknown,
  };
}

export interface CaPolicyInput {
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  users: {
    includeUsers?: string[];
    excludeUsers?: string[];
    includeGroups?: string[];
    excludeGroups?: string[];
    includeRoles?: string[];
    excludeRoles?: string[];
  };
  applications: {
    includeApplications: string[];
    excludeApplications?: string[];
    includeUserActions?: string[];
  };
  locations?: { includeLocations: string[]; excludeLocations: string[] };
  platforms?: { includePlatforms: string[]; excludePlatforms: string[] };
  clientAppTypes?: string[];
  signInRiskLevels?: string[];
  userRiskLevels?: string[];
  grant: { operator: 'AND' | 'OR'; builtInControls: string[] } | null;
  signInFrequencyHours?: number;
  persistentBrowser?: 'always' | 'never';
}

/** A conditional access policy shaped like v1.0 returns it, unset conditions as null. */
export function buildConditionalAccessPolicy(rng: Prng, input: CaPolicyInput): GraphObject {
  const created = preciseTimestamp(rng, 800, 20);
  const u = input.users;
  return {
    id: rng.guid(),
    templateId: null,
    displayName: input.displayName,
    createdDateTime: created,
    modifiedDateTime: rng.chance(0.6) ? preciseTimestamp(rng, 19) : null,
    state: input.state,
    conditions: {
      userRiskLevels: [...(input.userRiskLevels ?? [])],
      signInRiskLevels: [...(input.signInRiskLevels ?? [])],
      clientAppTypes: [...(input.clientAppTypes ?? ['all'])],
      servicePrincipalRiskLevels: [],
      insiderRiskLevels: null,
      platforms: input.platforms
        ? {
            includePlatforms: [...input.platforms.includePlatforms],
            excludePlatforms: [...input.platforms.excludePlatforms],
          }
        : null,
      locations: input.locations
        ? {
            includeLocations: [...input.locations.includeLocations],
            excludeLocations: [...input.locations.excludeLocations],
          }
        : null,
      devices: null,
      clientApplications: null,
      authenticationFlows: null,
      applications: {
        includeApplications: [...input.applications.includeApplications],
        excludeApplications: [...(input.applications.excludeApplications ?? [])],
        includeUserActions: [...(input.applications.includeUserActions ?? [])],
        includeAuthenticationContextClassReferences: [],
        applicationFilter: null,
      },
      users: {
        includeUsers: [...(u.includeUsers ?? [])],
        excludeUsers: [...(u.excludeUsers ?? [])],
        includeGroups: [...(u.includeGroups ?? [])],
        excludeGroups: [...(u.excludeGroups ?? [])],
        includeRoles: [...(u.includeRoles ?? [])],
        excludeRoles: [...(u.excludeRoles ?? [])],
        includeGuestsOrExternalUsers: null,
        excludeGuestsOrExternalUsers: null,
      },
    },
    grantControls: input.grant
      ? {
          operator: input.grant.operator,
          builtInControls: [...input.grant.builtInControls],
          customAuthenticationFactors: [],
          termsOfUse: [],
          authenticationStrength: null,
        }
      : null,
    sessionControls:
      input.signInFrequencyHours !== undefined || input.persistentBrowser !== undefined
        ? {
            disableResilienceDefaults: null,
            applicationEnforcedRestrictions: null,
            cloudAppSecurity: null,
            persistentBrowser: input.persistentBrowser
              ? { mode: input.persistentBrowser, isEnabled: true }
              : null,
            secureSignInSession: null,
            signInFrequency:
              input.signInFrequencyHours !== undefined
                ? {
                    value: input.signInFrequencyHours,
                    type: 'hours',
                    authenticationType: 'primaryAndSecondaryAuthentication',
                    frequencyInterval: 'timeBased',
                    isEnabled: true,
                  }
                : null,
          }
        : null,
  };
}

export interface AuthMethodsTargets {
  /** Group targeted by the passwordless (FIDO2) rollout. */
  passwordlessGroupId: string;
  /** Group targeted by Temporary Access Pass. */
  tapGroupId: string;
  /** Group excluded from SMS sign-in. */
  smsExcludedGroupId: string;
  /** Group the Authenticator registration campaign nudges. */
  campaignGroupId: string;
}

/** The tenant's authentication methods policy, with its method configurations inline as Graph returns them. */
export function buildAuthenticationMethodsPolicy(rng: Prng, t: AuthMethodsTargets): GraphObject {
  const allUsers = (extra: Record<string, unknown> = {}) => ({
    targetType: 'group',
    id: 'all_users',
    isRegistrationRequired: false,
    ...extra,
  });
  const group = (id: string, extra: Record<string, unknown> = {}) => ({
    targetType: 'group',
    id,
    isRegistrationRequired: false,
    ...extra,
  });
  const featureState = (state: string) => ({
    state,
    includeTarget: { targetType: 'group', id: 'all_users' },
    excludeTarget: { targetType: 'group', id: '00000000-0000-0000-0000-000000000000' },
  });
  return {
    id: 'authenticationMethodsPolicy',
    displayName: 'Authentication Methods Policy',
    description:
      'The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings',
    lastModifiedDateTime: preciseTimestamp(rng, 60),
    policyVersion: '1.5',
    policyMigrationState: 'migrationComplete',
    reconfirmationInDays: 0,
    registrationEnforcement: {
      authenticationMethodsRegistrationCampaign: {
        snoozeDurationInDays: 1,
        state: 'enabled',
        excludeTargets: [],
        includeTargets: [
          {
            id: t.campaignGroupId,
            targetType: 'group',
            targetedAuthenticationMethod: 'microsoftAuthenticator',
          },
        ],
      },
    },
    authenticationMethodConfigurations: [
      {
        '@odata.type': '#microsoft.graph.fido2AuthenticationMethodConfiguration',
        id: 'Fido2',
        state: 'enabled',
        isSelfServiceRegistrationAllowed: true,
        isAttestationEnforced: false,
        keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
        excludeTargets: [],
        includeTargets: [group(t.passwordlessGroupId)],
      },
      {
        '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration',
        id: 'MicrosoftAuthenticator',
        state: 'enabled',
        isSoftwareOathEnabled: false,
        featureSettings: {
          displayAppInformationRequiredState: featureState('enabled'),
          displayLocationInformationRequiredState: featureState('default'),
        },
        excludeTargets: [],
        includeTargets: [allUsers({ authenticationMode: 'any' })],
      },
      {
        '@odata.type': '#microsoft.graph.smsAuthenticationMethodConfiguration',
        id: 'Sms',
        state: 'enabled',
        excludeTargets: [{ id: t.smsExcludedGroupId, targetType: 'group' }],
        includeTargets: [allUsers({ isUsableForSignIn: false })],
      },
      {
        '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration',
        id: 'TemporaryAccessPass',
        state: 'enabled',
        defaultLifetimeInMinutes: 60,
        defaultLength: 8,
        minimumLifetimeInMinutes: 60,
        maximumLifetimeInMinutes: 480,
        isUsableOnce: false,
        excludeTargets: [],
        includeTargets: [group(t.tapGroupId)],
      },
      {
        '@odata.type': '#microsoft.graph.softwareOathAuthenticationMethodConfiguration',
        id: 'SoftwareOath',
        state: 'disabled',
        excludeTargets: [],
        includeTargets: [allUsers()],
      },
      {
        '@odata.type': '#microsoft.graph.voiceAuthenticationMethodConfiguration',
        id: 'Voice',
        state: 'disabled',
        isOfficePhoneAllowed: false,
        excludeTargets: [],
        includeTargets: [allUsers()],
      },
      {
        '@odata.type': '#microsoft.graph.emailAuthenticationMethodConfiguration',
        id: 'Email',
        state: 'enabled',
        allowExternalIdToUseEmailOtp: 'default',
        excludeTargets: [],
        includeTargets: [allUsers()],
      },
    ],
  };
}

export function buildAuthorizationPolicy(): GraphObject {
  return {
    id: 'authorizationPolicy',
    deletedDateTime: null,
    allowInvitesFrom: 'adminsAndGuestInviters',
    allowedToSignUpEmailBasedSubscriptions: false,
    allowedToUseSSPR: true,
    allowEmailVerifiedUsersToJoinOrganization: false,
    allowUserConsentForRiskyApps: null,
    blockMsolPowerShell: true,
    description: 'Used to manage authorization related settings across the company.',
    displayName: 'Authorization Policy',
    guestUserRoleId: GUEST_USER_ROLE_TEMPLATE,
    defaultUserRolePermissions: {
      allowedToCreateApps: false,
      allowedToCreateSecurityGroups: true,
      allowedToCreateTenants: false,
      allowedToReadBitlockerKeysForOwnedDevice: true,
      allowedToReadOtherUsers: true,
      permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForSelf.microsoft-user-default-low'],
    },
  };
}

export function buildOrganization(
  ctx: GenContext,
  rng: Prng,
  plans: ReadonlyArray<{ service: string; servicePlanId: string }>,
): GraphObject {
  const created = pastTimestamp(rng, 3000, 2500);
  return {
    id: ctx.tenantId,
    deletedDateTime: null,
    assignedPlans: plans.map((p) => ({
      assignedDateTime: created,
      capabilityStatus: 'Enabled',
      service: p.service,
      servicePlanId: p.servicePlanId,
    })),
    businessPhones: ['+1 425 555 0100'],
    city: 'Redmond',
    country: null,
    countryLetterCode: 'US',
    createdDateTime: created,
    defaultUsageLocation: null,
    displayName: ctx.organizationName,
    marketingNotificationEmails: [],
    mobileDeviceManagementAuthority: 'intune',
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    partnerTenantType: null,
    postalCode: '98052',
    preferredLanguage: 'en',
    privacyProfile: null,
    provisionedPlans: plans.map((p) => ({
      capabilityStatus: 'Enabled',
      provisioningStatus: 'Success',
      service: p.service,
    })),
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: 'WA',
    street: '1 Microsoft Way',
    technicalNotificationMails: [`it-admins@${ctx.domain}`],
    tenantType: 'AAD',
    verifiedDomains: [
      {
        capabilities: 'Email, OfficeCommunicationsOnline',
        isDefault: false,
        isInitial: true,
        name: ctx.initialDomain,
        type: 'Managed',
      },
      {
        capabilities: 'Email, OfficeCommunicationsOnline',
        isDefault: true,
        isInitial: false,
        name: ctx.domain,
        type: 'Managed',
      },
    ],
  };
}
