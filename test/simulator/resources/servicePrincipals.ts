import { POLICY_LINK_STORES as S, policyLinks } from './policyLinks';
import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/** First-party apps whose service principals may be created without a local application. */
const FIRST_PARTY_APP_IDS = new Set([
  '00000003-0000-0000-c000-000000000000', // Microsoft Graph
  '00000002-0000-0000-c000-000000000000', // Azure AD Graph
  '00000002-0000-0ff1-ce00-000000000000', // Office 365 Exchange Online
  '00000003-0000-0ff1-ce00-000000000000', // Office 365 SharePoint Online
]);

/** microsoft.graph.servicePrincipal — graph-notes A12/B12. */
export const servicePrincipals: ResourceDescriptor = {
  name: 'servicePrincipals',
  path: 'servicePrincipals',
  odataType: 'microsoft.graph.servicePrincipal',
  properties: [
    'accountEnabled',
    'addIns',
    'alternativeNames',
    'appDescription',
    'appDisplayName',
    'appId',
    'appOwnerOrganizationId',
    'appRoleAssignmentRequired',
    'appRoles',
    'applicationTemplateId',
    'createdByAppId',
    'customSecurityAttributes',
    'deletedDateTime',
    'description',
    'disabledByMicrosoftStatus',
    'displayName',
    'homepage',
    'id',
    'info',
    'isDisabled',
    'keyCredentials',
    'loginUrl',
    'logoutUrl',
    'notes',
    'notificationEmailAddresses',
    'oauth2PermissionScopes',
    'passwordCredentials',
    'preferredSingleSignOnMode',
    'preferredTokenSigningKeyThumbprint',
    'replyUrls',
    'resourceSpecificApplicationPermissions',
    'samlSingleSignOnSettings',
    'servicePrincipalNames',
    'servicePrincipalType',
    'signInAudience',
    'tags',
    'tokenEncryptionKeyId',
    'verifiedPublisher',
  ],
  readOnly: [
    'id',
    'deletedDateTime',
    'appDisplayName',
    'appDescription',
    'appOwnerOrganizationId',
    'applicationTemplateId',
    'signInAudience',
    'servicePrincipalType',
    'createdByAppId',
    'disabledByMicrosoftStatus',
    'passwordCredentials',
    'verifiedPublisher',
    'resourceSpecificApplicationPermissions',
  ],
  createOnly: ['appId'],
  requiredOnCreate: ['appId'],
  unique: ['appId'],
  alternateKeys: ['appId'],
  operations: { create: true, update: true, delete: true },
  softDelete: 'directory',
  delta: true,
  directoryObject: true,
  navigation: {
    // Policy assignments (graph-notes B12): claims mapping and HRD are written on the SP;
    // token lifetime / issuance are assigned on the application (read-only here).
    claimsMappingPolicies: policyLinks(
      S.servicePrincipalClaimsMappingPolicies,
      'claimsMappingPolicies',
    ),
    homeRealmDiscoveryPolicies: policyLinks(
      S.servicePrincipalHomeRealmDiscoveryPolicies,
      'homeRealmDiscoveryPolicies',
    ),
    tokenLifetimePolicies: policyLinks(
      S.servicePrincipalTokenLifetimePolicies,
      'tokenLifetimePolicies',
      false,
    ),
    tokenIssuancePolicies: policyLinks(
      S.servicePrincipalTokenIssuancePolicies,
      'tokenIssuancePolicies',
      false,
    ),
    appManagementPolicies: policyLinks(
      S.servicePrincipalAppManagementPolicies,
      'appManagementPolicies',
    ),
    owners: {
      kind: 'links',
      store: 'servicePrincipalOwners',
      targets: ['users', 'servicePrincipals'],
      writable: true,
      bindable: true,
      delta: true,
    },
    appRoleAssignedTo: {
      kind: 'derived',
      collection: 'appRoleAssignments',
      foreignKey: 'resourceId',
      writable: true,
    },
    appRoleAssignments: {
      kind: 'derived',
      collection: 'appRoleAssignments',
      foreignKey: 'principalId',
      writable: true,
      cost: 2,
    },
    oauth2PermissionGrants: {
      kind: 'derived',
      collection: 'oauth2PermissionGrants',
      foreignKey: 'clientId',
      writable: false,
    },
  },
  validateWrite(op, body, _existing, ctx) {
    if (op !== 'create') return;
    const appId = String(body.appId);
    if (!ctx.findBy('applications', 'appId', appId) && !FIRST_PARTY_APP_IDS.has(appId)) {
      throw badRequest(
        `The appId '${appId}' of the service principal does not reference a valid application object.`,
      );
    }
  },
  onCreate(obj, ctx) {
    const app = ctx.findBy('applications', 'appId', String(obj.appId));
    const api = (app?.api ?? {}) as Record<string, unknown>;
    obj.displayName ??= app?.displayName ?? null;
    obj.appDisplayName = app?.displayName ?? obj.displayName;
    obj.appDescription = app?.description ?? null;
    obj.appOwnerOrganizationId = app ? ctx.tenantId : 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
    obj.applicationTemplateId = null;
    obj.servicePrincipalType = 'Application';
    obj.signInAudience = app?.signInAudience ?? 'AzureADMultipleOrgs';
    obj.accountEnabled ??= true;
    obj.appRoles = app?.appRoles ?? obj.appRoles ?? [];
    obj.oauth2PermissionScopes = api.oauth2PermissionScopes ?? obj.oauth2PermissionScopes ?? [];
    obj.servicePrincipalNames ??= [
      obj.appId,
      ...((app?.identifierUris as string[] | undefined) ?? []),
    ];
    obj.tags ??= [];
    obj.keyCredentials ??= [];
    obj.passwordCredentials = [];
    obj.replyUrls ??= [];
  },
};
