import { POLICY_LINK_STORES as S, policyLinks } from './policyLinks';
import type { ResourceDescriptor } from './descriptor';
import { extensionProperties } from './extensionProperties';
import { federatedIdentityCredentials } from './federatedIdentityCredentials';

/** microsoft.graph.application — graph-notes A8–A11/B8; secrets only via addPassword. */
export const applications: ResourceDescriptor = {
  name: 'applications',
  path: 'applications',
  odataType: 'microsoft.graph.application',
  properties: [
    'addIns',
    'api',
    'appId',
    'appRoles',
    'applicationTemplateId',
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
    'id',
    'identifierUris',
    'info',
    'isDeviceOnlyAuthSupported',
    'isDisabled',
    'isFallbackPublicClient',
    'keyCredentials',
    'logo',
    'managerApplications',
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
  readOnly: [
    'id',
    'appId',
    'createdDateTime',
    'deletedDateTime',
    'publisherDomain',
    'verifiedPublisher',
    'certification',
    'createdByAppId',
    'applicationTemplateId',
    'disabledByMicrosoftStatus',
    'passwordCredentials',
  ],
  requiredOnCreate: ['displayName'],
  unique: ['appId', 'identifierUris', 'uniqueName'],
  alternateKeys: ['appId', 'uniqueName'],
  operations: { create: true, update: true, delete: true },
  softDelete: 'directory',
  delta: true,
  directoryObject: true,
  costs: { list: 2 },
  navigation: {
    // Policy assignments (graph-notes B8, B25-26): `POST /applications/{id}/{nav}/$ref`.
    tokenLifetimePolicies: policyLinks(S.applicationTokenLifetimePolicies, 'tokenLifetimePolicies'),
    tokenIssuancePolicies: policyLinks(S.applicationTokenIssuancePolicies, 'tokenIssuancePolicies'),
    appManagementPolicies: policyLinks(S.applicationAppManagementPolicies, 'appManagementPolicies'),
    owners: {
      kind: 'links',
      store: 'applicationOwners',
      targets: ['users', 'servicePrincipals'],
      writable: true,
      bindable: true,
      delta: true,
    },
    federatedIdentityCredentials: { kind: 'children', child: federatedIdentityCredentials },
    extensionProperties: { kind: 'children', child: extensionProperties, cost: 2 },
  },
  onCreate(obj, ctx) {
    obj.appId = ctx.newId();
    obj.createdDateTime = ctx.now;
    obj.publisherDomain = ctx.initialDomain;
    obj.signInAudience ??= 'AzureADMyOrg';
    obj.identifierUris ??= [];
    obj.tags ??= [];
    obj.appRoles ??= [];
    obj.keyCredentials ??= [];
    obj.passwordCredentials = [];
    obj.requiredResourceAccess ??= [];
    obj.verifiedPublisher = { displayName: null, verifiedPublisherId: null, addedDateTime: null };
  },
};
