import type { ResourceDescriptor } from './descriptor';
import { BRANDING_NAVIGATION } from './organizationalBranding';

/** microsoft.graph.organization — only five properties are writable (graph-notes A32/B32). */
export const organization: ResourceDescriptor = {
  name: 'organization',
  path: 'organization',
  odataType: 'microsoft.graph.organization',
  properties: [
    'assignedPlans',
    'businessPhones',
    'city',
    'country',
    'countryLetterCode',
    'createdDateTime',
    'defaultUsageLocation',
    'deletedDateTime',
    'displayName',
    'id',
    'marketingNotificationEmails',
    'mobileDeviceManagementAuthority',
    'onPremisesLastSyncDateTime',
    'onPremisesSyncEnabled',
    'partnerTenantType',
    'postalCode',
    'preferredLanguage',
    'privacyProfile',
    'provisionedPlans',
    'securityComplianceNotificationMails',
    'securityComplianceNotificationPhones',
    'state',
    'street',
    'technicalNotificationMails',
    'tenantType',
    'verifiedDomains',
  ],
  readOnly: [
    'id',
    'createdDateTime',
    'deletedDateTime',
    'isMultipleDataLocationsForServicesEnabled',
    'onPremisesLastSyncDateTime',
  ],
  updatable: [
    'marketingNotificationEmails',
    'privacyProfile',
    'securityComplianceNotificationMails',
    'securityComplianceNotificationPhones',
    'technicalNotificationMails',
  ],
  requiredOnCreate: [],
  operations: { create: false, update: true, delete: false },
  // Graph: another tenant's id → 404; a non-GUID such as a literal '{tenantId}' → 400.
  guidKey: true,
  // organization/{id}/branding (+ localizations, image streams): organizationalBranding.ts.
  navigation: BRANDING_NAVIGATION,
  directoryObject: true,
};
