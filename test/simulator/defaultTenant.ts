import type { TenantState } from './tenantState';
import { authenticationMethodsPolicy, authorizationPolicy } from './resources/singletons';

export const DEFAULT_TENANT_ID = '72f988bf-0000-4000-8000-000000000001';

/** An empty tenant: the organization object and the two policy singletons. */
export function emptyTenant(tenantId = DEFAULT_TENANT_ID): TenantState {
  return {
    tenantId,
    collections: {
      users: [],
      groups: [],
      administrativeUnits: [],
      directoryRoles: [],
      directoryRoleTemplates: [],
      roleDefinitions: [],
      roleAssignments: [],
      applications: [],
      servicePrincipals: [],
      appRoleAssignments: [],
      oauth2PermissionGrants: [],
      conditionalAccessPolicies: [],
      namedLocations: [],
      organization: [
        {
          id: tenantId,
          displayName: 'Contoso',
          createdDateTime: '2020-01-01T00:00:00Z',
          deletedDateTime: null,
          tenantType: 'AAD',
          countryLetterCode: 'US',
          preferredLanguage: 'en',
          marketingNotificationEmails: [],
          securityComplianceNotificationMails: [],
          securityComplianceNotificationPhones: [],
          technicalNotificationMails: ['admin@contoso.onmicrosoft.com'],
          privacyProfile: null,
          verifiedDomains: [
            {
              capabilities: 'Email, OfficeCommunicationsOnline',
              isDefault: true,
              isInitial: true,
              name: 'contoso.onmicrosoft.com',
              type: 'Managed',
            },
          ],
        },
      ],
    },
    children: { federatedIdentityCredentials: {}, extensionProperties: {} },
    singletons: {
      authenticationMethodsPolicy:
        authenticationMethodsPolicy.defaultValue() as TenantState['singletons'][string],
      authorizationPolicy: authorizationPolicy.defaultValue() as TenantState['singletons'][string],
    },
    relationships: {
      groupMembers: {},
      groupOwners: {},
      administrativeUnitMembers: {},
      directoryRoleMembers: {},
      applicationOwners: {},
      servicePrincipalOwners: {},
      userManager: {},
    },
    deleted: {},
  };
}
