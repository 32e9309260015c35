import { CATALOGUE_SINGLETONS } from './catalogueSingletons';

/** Tenant-wide singletons: GET + PATCH (or PUT where Graph says so; graph-notes A18/A19, B18/B19, 2.1). */
export interface SingletonDescriptor {
  /** Key in TenantState.singletons. */
  name: string;
  path: string;
  odataType: string;
  properties: readonly string[];
  readOnly: readonly string[];
  /** Navigation properties that live inside the stored object but are not PATCHable here. */
  navigation: readonly string[];
  /** Sub-items addressable as `{path}/{itemsProperty}/{id}` (GET/PATCH). */
  items?: { property: string; readOnly: readonly string[] };
  defaultValue(): Record<string, unknown>;
  /** PATCH (merge, default) or PUT (the whole object; Graph refuses the other verb → 405). */
  updateMethod?: 'PATCH' | 'PUT';
  /** Not in the v1.0 CSDL: served under /beta only. */
  betaOnly?: boolean;
  /** Read-only singleton (beta labelPolicySettings). */
  readOnlySingleton?: boolean;
}

export const authenticationMethodsPolicy: SingletonDescriptor = {
  name: 'authenticationMethodsPolicy',
  path: 'policies/authenticationMethodsPolicy',
  odataType: 'microsoft.graph.authenticationMethodsPolicy',
  properties: [
    'description',
    'displayName',
    'id',
    'lastModifiedDateTime',
    'policyMigrationState',
    'policyVersion',
    'reconfirmationInDays',
    'registrationEnforcement',
  ],
  readOnly: ['id', 'lastModifiedDateTime', 'policyVersion'],
  navigation: ['authenticationMethodConfigurations'],
  items: { property: 'authenticationMethodConfigurations', readOnly: ['id'] },
  defaultValue: () => ({
    id: 'authenticationMethodsPolicy',
    displayName: 'Authentication Methods Policy',
    description:
      'The tenant-wide policy that controls which authentication methods are allowed in the tenant.',
    lastModifiedDateTime: '2024-01-01T00:00:00Z',
    policyVersion: '1.5',
    policyMigrationState: 'migrationComplete',
    reconfirmationInDays: 0,
    registrationEnforcement: {
      authenticationMethodsRegistrationCampaign: {
        snoozeDurationInDays: 1,
        state: 'default',
        excludeTargets: [],
        includeTargets: [],
      },
    },
    authenticationMethodConfigurations: [],
  }),
};

export const authorizationPolicy: SingletonDescriptor = {
  name: 'authorizationPolicy',
  path: 'policies/authorizationPolicy',
  odataType: 'microsoft.graph.authorizationPolicy',
  properties: [
    'allowEmailVerifiedUsersToJoinOrganization',
    'allowInvitesFrom',
    'allowUserConsentForRiskyApps',
    'allowedToSignUpEmailBasedSubscriptions',
    'allowedToUseSSPR',
    'blockMsolPowerShell',
    'defaultUserRolePermissions',
    'deletedDateTime',
    'description',
    'displayName',
    'guestUserRoleId',
    'id',
  ],
  readOnly: ['id', 'deletedDateTime'],
  navigation: [],
  defaultValue: () => ({
    id: 'authorizationPolicy',
    displayName: 'Authorization Policy',
    description: 'Used to manage authorization related settings across the company.',
    allowInvitesFrom: 'everyone',
    allowedToSignUpEmailBasedSubscriptions: true,
    allowedToUseSSPR: true,
    allowEmailVerifiedUsersToJoinOrganization: false,
    allowUserConsentForRiskyApps: null,
    blockMsolPowerShell: false,
    deletedDateTime: null,
    guestUserRoleId: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
    defaultUserRolePermissions: {
      allowedToCreateApps: true,
      allowedToCreateSecurityGroups: true,
      allowedToCreateTenants: true,
      allowedToReadBitlockerKeysForOwnedDevice: true,
      allowedToReadOtherUsers: true,
      permissionGrantPoliciesAssigned: [
        'ManagePermissionGrantsForSelf.microsoft-user-default-legacy',
      ],
    },
  }),
};

export const SINGLETONS: readonly SingletonDescriptor[] = [
  authenticationMethodsPolicy,
  authorizationPolicy,
  ...CATALOGUE_SINGLETONS,
];
