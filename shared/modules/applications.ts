import { DIRECTORY_PAGE_SIZE, directorySoftDelete } from './common';
import type { ModuleDefinition } from './types';

/**
 * App registrations with their owners, federated identity credentials and directory extension
 * definitions. `logo` is a stream and cannot be selected in a list; `keyCredentials` is selected
 * explicitly because only then does Graph return the public certificate (`key`).
 */
export const applicationsModule: ModuleDefinition = {
  id: 'applications',
  displayName: 'App registrations',
  category: 'Applications',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/applications',
  itemPath: '/applications/{id}',
  select: [
    'id',
    'addIns',
    'api',
    'appId',
    'applicationTemplateId',
    'appRoles',
    'authenticationBehaviors',
    'certification',
    'createdByAppId',
    'createdDateTime',
    'defaultRedirectUri',
    'deletedDateTime',
    'description',
    'disabledByMicrosoftStatus',
    'displayName',
    'groupMembershipClaims',
    'identifierUris',
    'info',
    'isDeviceOnlyAuthSupported',
    'isFallbackPublicClient',
    'keyCredentials',
    'nativeAuthenticationApisEnabled',
    'notes',
    'oauth2RequirePostResponse',
    'optionalClaims',
    'parentalControlSettings',
    'passwordCredentials',
    'publicClient',
    'publisherDomain',
    'requestSignatureVerification',
    'requiredResourceAccess',
    'samlMetadataUrl',
    'serviceManagementReference',
    'servicePrincipalLockConfiguration',
    'signInAudience',
    'spa',
    'tags',
    'tokenEncryptionKeyId',
    'uniqueName',
    'verifiedPublisher',
    'web',
  ],
  pageSize: DIRECTORY_PAGE_SIZE,
  delta: { path: '/applications/delta' },
  relationships: [
    {
      name: 'owners',
      cardinality: 'many',
      readVia: 'perObject',
      targets: ['users', 'servicePrincipals'],
      addPath: '/applications/{id}/owners/$ref',
      removePath: '/applications/{id}/owners/{refId}/$ref',
    },
  ],
  children: [
    {
      name: 'federatedIdentityCredentials',
      listPath: '/applications/{id}/federatedIdentityCredentials',
      readOnlyProperties: ['id'],
      references: [],
      restore: 'createOrPatch',
      // name is immutable and unique per application.
      matchBy: ['name'],
    },
    {
      name: 'extensionProperties',
      listPath: '/applications/{id}/extensionProperties',
      readOnlyProperties: ['id', 'deletedDateTime', 'appDisplayName', 'isSyncedFromOnPremises'],
      references: [],
      // Extension definitions cannot be changed: create missing ones, delete extra ones.
      restore: 'create',
      matchBy: ['name'],
      graphPrefix: { property: 'name', pattern: '^extension_[0-9a-fA-F]{32}_' },
    },
  ],
  readOnlyProperties: [
    'id',
    'deletedDateTime',
    'appId',
    'applicationTemplateId',
    'createdDateTime',
    'createdByAppId',
    'publisherDomain',
    // Set through setVerifiedPublisher, never by PATCH.
    'verifiedPublisher',
    'certification',
    'disabledByMicrosoftStatus',
    // Secrets are only added by addPassword (which returns the secret once); PATCH refuses them.
    'passwordCredentials',
  ],
  references: [],
  // Conditional access and service principals name applications by appId.
  alternateKeys: [{ property: 'appId', addressable: true }],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/applications/{id}',
    softDelete: directorySoftDelete('application'),
  },
  dependsOn: [],
  permissions: {
    read: ['Application.Read.All'],
    // Adding owners also requires Directory.Read.All (permissions reference: AlsoRequires).
    write: ['Application.ReadWrite.All', 'Directory.Read.All'],
  },
  caveats: [
    'Client secrets cannot be backed up: new ones must be issued (addPassword) and distributed.',
    'A re-created application gets a new appId: client configurations, consents, its service principal and extension attribute names (extension_{appId}_{name}) change; restore from deleted items (30 days) keeps them.',
    'Restoring an application does not restore its service principal.',
    'identifierUris must be unique in the tenant and may have to be on a verified domain.',
  ],
};
