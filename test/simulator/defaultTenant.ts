import type { TenantState } from './tenantState';
import { emptyTenant as emptyTenantSkeleton } from './generator/emptyTenant';
import { authenticationMethodsPolicy, authorizationPolicy } from './resources/singletons';

export const DEFAULT_TENANT_ID = '72f988bf-0000-4000-8000-000000000001';

/** An empty tenant: the organization object and the two policy singletons. */
export function emptyTenant(tenantId = DEFAULT_TENANT_ID): TenantState {
  const tenant = emptyTenantSkeleton(tenantId);
  tenant.collections.organization = [
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
  ];
  tenant.singletons = {
    authenticationMethodsPolicy:
      authenticationMethodsPolicy.defaultValue() as TenantState['singletons'][string],
    authorizationPolicy: authorizationPolicy.defaultValue() as TenantState['singletons'][string],
  };
  tenant.deleted = {};
  return tenant;
}
