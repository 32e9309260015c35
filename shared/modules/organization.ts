import type { ModuleDefinition } from './types';

/**
 * Graph lets an application change only these organization properties (notification contacts
 * and the privacy statement); everything else is informational or managed elsewhere.
 */
export const ORGANIZATION_WRITABLE = [
  'marketingNotificationEmails',
  'privacyProfile',
  'securityComplianceNotificationMails',
  'securityComplianceNotificationPhones',
  'technicalNotificationMails',
];

/** The tenant's organization object: its properties, of which five are restorable. */
export const organizationModule: ModuleDefinition = {
  id: 'organization',
  displayName: 'Organization settings',
  category: 'Organization',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/organization',
  itemPath: '/organization/{id}',
  relationships: [],
  children: [],
  // Every property except ORGANIZATION_WRITABLE (checked against the CSDL by the tests).
  readOnlyProperties: [
    'id',
    'deletedDateTime',
    'assignedPlans',
    'businessPhones',
    'city',
    'country',
    'countryLetterCode',
    'createdDateTime',
    'defaultUsageLocation',
    'displayName',
    'isMultipleDataLocationsForServicesEnabled',
    'mobileDeviceManagementAuthority',
    'onPremisesLastSyncDateTime',
    'onPremisesSyncEnabled',
    'partnerTenantType',
    'postalCode',
    'preferredLanguage',
    'provisionedPlans',
    'state',
    'street',
    'tenantType',
    'verifiedDomains',
  ],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/organization/{id}', updateOnly: true },
  dependsOn: [],
  permissions: { read: ['Organization.Read.All'], write: ['Organization.ReadWrite.All'] },
  caveats: [
    'Only notification e-mails and phones and the privacy profile are restored; name, address and other tenant properties are shown for reference and are changed in the admin center.',
  ],
  addedInVersion: '0.2.0',
};
