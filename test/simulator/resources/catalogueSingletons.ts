import type { SingletonDescriptor } from './singletons';

/** SharePoint tenant settings: PATCH (graph-notes B39). */
export const sharepointSettings: SingletonDescriptor = {
  name: 'sharepointSettings',
  path: 'admin/sharepoint/settings',
  odataType: 'microsoft.graph.sharepointSettings',
  properties: [
    'allowedDomainGuidsForSyncApp',
    'availableManagedPathsForSiteCreation',
    'deletedUserPersonalSiteRetentionPeriodInDays',
    'excludedFileExtensionsForSyncApp',
    'id',
    'idleSessionSignOut',
    'imageTaggingOption',
    'isCommentingOnSitePagesEnabled',
    'isFileActivityNotificationEnabled',
    'isLegacyAuthProtocolsEnabled',
    'isLoopEnabled',
    'isMacSyncAppEnabled',
    'isRequireAcceptingUserToMatchInvitedUserEnabled',
    'isResharingByExternalUsersEnabled',
    'isSharePointMobileNotificationEnabled',
    'isSharePointNewsfeedEnabled',
    'isSiteCreationEnabled',
    'isSiteCreationUIEnabled',
    'isSitePagesCreationEnabled',
    'isSitesStorageLimitAutomatic',
    'isSyncButtonHiddenOnPersonalSite',
    'isUnmanagedSyncAppForTenantRestricted',
    'personalSiteDefaultStorageLimitInMB',
    'sharingAllowedDomainList',
    'sharingBlockedDomainList',
    'sharingCapability',
    'sharingDomainRestrictionMode',
    'siteCreationDefaultManagedPath',
    'siteCreationDefaultStorageLimitInMB',
    'tenantDefaultTimezone',
  ],
  readOnly: ['id', 'availableManagedPathsForSiteCreation'],
  navigation: [],
  defaultValue: () => ({
    id: 'sharepointSettings',
    allowedDomainGuidsForSyncApp: [],
    availableManagedPathsForSiteCreation: ['/sites/', '/teams/'],
    deletedUserPersonalSiteRetentionPeriodInDays: 30,
    excludedFileExtensionsForSyncApp: [],
    idleSessionSignOut: { isEnabled: false, warnAfterInSeconds: 0, signOutAfterInSeconds: 0 },
    imageTaggingOption: 'basic',
    isCommentingOnSitePagesEnabled: true,
    isFileActivityNotificationEnabled: true,
    isLegacyAuthProtocolsEnabled: true,
    isLoopEnabled: true,
    isMacSyncAppEnabled: true,
    isRequireAcceptingUserToMatchInvitedUserEnabled: false,
    isResharingByExternalUsersEnabled: false,
    isSharePointMobileNotificationEnabled: true,
    isSharePointNewsfeedEnabled: false,
    isSiteCreationEnabled: true,
    isSiteCreationUIEnabled: true,
    isSitePagesCreationEnabled: true,
    isSitesStorageLimitAutomatic: true,
    isSyncButtonHiddenOnPersonalSite: false,
    isUnmanagedSyncAppForTenantRestricted: false,
    personalSiteDefaultStorageLimitInMB: 1048576,
    sharingAllowedDomainList: [],
    sharingBlockedDomainList: [],
    sharingCapability: 'externalUserAndGuestSharing',
    sharingDomainRestrictionMode: 'none',
    siteCreationDefaultManagedPath: '/sites/',
    siteCreationDefaultStorageLimitInMB: 26214400,
    tenantDefaultTimezone: '(UTC) Coordinated Universal Time',
  }),
};

/** Tenant-wide credential restrictions for apps and SPs: PATCH (graph-notes 2.1). */
export const defaultAppManagementPolicy: SingletonDescriptor = {
  name: 'defaultAppManagementPolicy',
  path: 'policies/defaultAppManagementPolicy',
  odataType: 'microsoft.graph.tenantAppManagementPolicy',
  properties: [
    'applicationRestrictions',
    'deletedDateTime',
    'description',
    'displayName',
    'id',
    'isEnabled',
    'servicePrincipalRestrictions',
  ],
  readOnly: ['id', 'deletedDateTime'],
  navigation: [],
  defaultValue: () => ({
    id: '00000000-0000-0000-0000-000000000000',
    displayName: 'Default app management tenant policy',
    description:
      'Default tenant policy that enforces app management restrictions on applications and service principals.',
    isEnabled: false,
    deletedDateTime: null,
    applicationRestrictions: { passwordCredentials: [], keyCredentials: [] },
    servicePrincipalRestrictions: { passwordCredentials: [], keyCredentials: [] },
  }),
};

/** Device registration policy: **PUT** with the full object; PATCH → 405 (graph-notes 44 / B44). */
export const deviceRegistrationPolicy: SingletonDescriptor = {
  name: 'deviceRegistrationPolicy',
  path: 'policies/deviceRegistrationPolicy',
  odataType: 'microsoft.graph.deviceRegistrationPolicy',
  properties: [
    'azureADJoin',
    'azureADRegistration',
    'description',
    'displayName',
    'id',
    'localAdminPassword',
    'multiFactorAuthConfiguration',
    'userDeviceQuota',
  ],
  readOnly: ['id', 'displayName', 'description'],
  navigation: [],
  updateMethod: 'PUT',
  defaultValue: () => ({
    id: 'deviceRegistrationPolicy',
    displayName: 'Device Registration Policy',
    description:
      'Tenant-wide policy that manages initial provisioning controls using quota restrictions, additional authentication and authorization checks',
    userDeviceQuota: 50,
    multiFactorAuthConfiguration: 'notRequired',
    azureADRegistration: {
      isAdminConfigurable: false,
      allowedToRegister: { '@odata.type': '#microsoft.graph.allDeviceRegistrationMembership' },
    },
    azureADJoin: {
      isAdminConfigurable: true,
      allowedToJoin: { '@odata.type': '#microsoft.graph.allDeviceRegistrationMembership' },
      localAdmins: { enableGlobalAdmins: true, registeringUsers: null },
    },
    localAdminPassword: { isEnabled: false },
  }),
};

/** Security defaults: PATCH (graph-notes 2.1). */
export const identitySecurityDefaultsEnforcementPolicy: SingletonDescriptor = {
  name: 'identitySecurityDefaultsEnforcementPolicy',
  path: 'policies/identitySecurityDefaultsEnforcementPolicy',
  odataType: 'microsoft.graph.identitySecurityDefaultsEnforcementPolicy',
  properties: ['deletedDateTime', 'description', 'displayName', 'id', 'isEnabled'],
  readOnly: ['id', 'deletedDateTime', 'displayName', 'description'],
  navigation: [],
  defaultValue: () => ({
    id: '00000000-0000-0000-0000-000000000005',
    displayName: 'Security Defaults',
    description:
      'Security defaults is a set of basic identity security mechanisms recommended by Microsoft.',
    isEnabled: true,
    deletedDateTime: null,
  }),
};

/** Admin consent request workflow: **PUT**; PATCH → 405 (graph-notes 2.1). */
export const adminConsentRequestPolicy: SingletonDescriptor = {
  name: 'adminConsentRequestPolicy',
  path: 'policies/adminConsentRequestPolicy',
  odataType: 'microsoft.graph.adminConsentRequestPolicy',
  properties: [
    'id',
    'isEnabled',
    'notifyReviewers',
    'remindersEnabled',
    'requestDurationInDays',
    'reviewers',
    'version',
  ],
  readOnly: ['id', 'version'],
  navigation: [],
  updateMethod: 'PUT',
  defaultValue: () => ({
    id: 'adminConsentRequestPolicy',
    isEnabled: false,
    notifyReviewers: false,
    remindersEnabled: false,
    requestDurationInDays: 30,
    version: 0,
    reviewers: [],
  }),
};

const B2B_ALL = {
  usersAndGroups: { accessType: 'allowed', targets: [{ target: 'AllUsers', targetType: 'user' }] },
  applications: {
    accessType: 'allowed',
    targets: [{ target: 'AllApplications', targetType: 'application' }],
  },
};

/** Cross-tenant access policy base object: PATCH; `default` and `partners` live below it (B20). */
export const crossTenantAccessPolicy: SingletonDescriptor = {
  name: 'crossTenantAccessPolicy',
  path: 'policies/crossTenantAccessPolicy',
  odataType: 'microsoft.graph.crossTenantAccessPolicy',
  properties: ['allowedCloudEndpoints', 'deletedDateTime', 'description', 'displayName', 'id'],
  readOnly: ['id', 'deletedDateTime'],
  navigation: [],
  defaultValue: () => ({
    id: 'crossTenantAccessPolicy',
    displayName: 'CrossTenantAccessPolicy',
    description: null,
    allowedCloudEndpoints: [],
    deletedDateTime: null,
  }),
};

/** Cross-tenant access default configuration: PATCH (reset action not emulated). */
export const crossTenantAccessPolicyDefault: SingletonDescriptor = {
  name: 'crossTenantAccessPolicyDefault',
  path: 'policies/crossTenantAccessPolicy/default',
  odataType: 'microsoft.graph.crossTenantAccessPolicyConfigurationDefault',
  properties: [
    'appServiceConnectInbound',
    'automaticUserConsentSettings',
    'b2bCollaborationInbound',
    'b2bCollaborationOutbound',
    'b2bDirectConnectInbound',
    'b2bDirectConnectOutbound',
    'id',
    'inboundTrust',
    'invitationRedemptionIdentityProviderConfiguration',
    'isServiceDefault',
    'm365CollaborationInbound',
    'm365CollaborationOutbound',
    'tenantRestrictions',
  ],
  readOnly: ['id', 'isServiceDefault'],
  navigation: [],
  defaultValue: () => ({
    id: 'crossTenantAccessPolicyDefault',
    isServiceDefault: true,
    inboundTrust: {
      isMfaAccepted: false,
      isCompliantDeviceAccepted: false,
      isHybridAzureADJoinedDeviceAccepted: false,
    },
    automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
    b2bCollaborationInbound: B2B_ALL,
    b2bCollaborationOutbound: B2B_ALL,
    b2bDirectConnectInbound: {
      usersAndGroups: {
        accessType: 'blocked',
        targets: [{ target: 'AllUsers', targetType: 'user' }],
      },
      applications: {
        accessType: 'blocked',
        targets: [{ target: 'AllApplications', targetType: 'application' }],
      },
    },
    b2bDirectConnectOutbound: {
      usersAndGroups: {
        accessType: 'blocked',
        targets: [{ target: 'AllUsers', targetType: 'user' }],
      },
      applications: {
        accessType: 'blocked',
        targets: [{ target: 'AllApplications', targetType: 'application' }],
      },
    },
    invitationRedemptionIdentityProviderConfiguration: {
      primaryIdentityProviderPrecedenceOrder: [
        'azureActiveDirectory',
        'externalFederation',
        'socialIdentityProviders',
      ],
      fallbackIdentityProvider: 'defaultConfiguredIdp',
    },
    tenantRestrictions: null,
  }),
};

/**
 * External identities policy — beta only (not in the v1.0 CSDL), served under /beta only: PATCH.
 */
export const externalIdentitiesPolicy: SingletonDescriptor = {
  name: 'externalIdentitiesPolicy',
  path: 'policies/externalIdentitiesPolicy',
  odataType: 'microsoft.graph.externalIdentitiesPolicy',
  properties: [
    'allowDeletedIdentitiesDataRemoval',
    'allowExternalIdentitiesToLeave',
    'deletedDateTime',
    'description',
    'displayName',
    'id',
  ],
  readOnly: ['id', 'deletedDateTime'],
  navigation: [],
  betaOnly: true,
  defaultValue: () => ({
    id: 'externalIdentitiesPolicy',
    displayName: 'External Identities Policy',
    description: 'Tenant-wide settings for external identities.',
    allowExternalIdentitiesToLeave: true,
    allowDeletedIdentitiesDataRemoval: false,
    deletedDateTime: null,
  }),
};

/**
 * Information protection label policy settings — beta only (v1.0 has labels but no label
 * policies), served under /beta only; read-only (no Graph write, graph-notes B36).
 */
export const labelPolicySettings: SingletonDescriptor = {
  name: 'labelPolicySettings',
  path: 'security/informationProtection/labelPolicySettings',
  odataType: 'microsoft.graph.security.informationProtectionPolicySetting',
  properties: [
    'defaultLabelId',
    'id',
    'isDowngradeJustificationRequired',
    'isMandatory',
    'moreInfoUrl',
  ],
  readOnly: [
    'defaultLabelId',
    'id',
    'isDowngradeJustificationRequired',
    'isMandatory',
    'moreInfoUrl',
  ],
  navigation: [],
  betaOnly: true,
  readOnlySingleton: true,
  defaultValue: () => ({
    id: 'labelPolicySettings',
    defaultLabelId: null,
    isDowngradeJustificationRequired: false,
    isMandatory: false,
    moreInfoUrl: null,
  }),
};

/** Self-service sign-up on or off: PATCH; only selfServiceSignUp is writable (graph-notes 2.1). */
export const authenticationFlowsPolicy: SingletonDescriptor = {
  name: 'authenticationFlowsPolicy',
  path: 'policies/authenticationFlowsPolicy',
  odataType: 'microsoft.graph.authenticationFlowsPolicy',
  properties: ['description', 'displayName', 'id', 'selfServiceSignUp'],
  readOnly: ['id', 'displayName', 'description'],
  navigation: [],
  defaultValue: () => ({
    id: 'authenticationFlowsPolicy',
    displayName: 'Authentication flows policy',
    description:
      'Authentication flows policy allows modification of settings related to authentication flows in AAD tenant, such as self-service sign up configuration.',
    selfServiceSignUp: { isEnabled: true },
  }),
};

export const CATALOGUE_SINGLETONS: readonly SingletonDescriptor[] = [
  sharepointSettings,
  defaultAppManagementPolicy,
  deviceRegistrationPolicy,
  identitySecurityDefaultsEnforcementPolicy,
  adminConsentRequestPolicy,
  crossTenantAccessPolicy,
  crossTenantAccessPolicyDefault,
  externalIdentitiesPolicy,
  labelPolicySettings,
  authenticationFlowsPolicy,
];
