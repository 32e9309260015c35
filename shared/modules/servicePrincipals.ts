import { MICROSOFT_APP_OWNER_TENANTS } from './microsoftOwned';
import { DIRECTORY_PAGE_SIZE, PRINCIPAL_MODULES, directorySoftDelete } from './common';
import type { ModuleDefinition } from './types';

/**
 * Service principals (enterprise applications) with their owners and the app role assignments
 * granted on them (appRoleAssignedTo). customSecurityAttributes needs its own permission and is
 * not selected.
 */
export const servicePrincipalsModule: ModuleDefinition = {
  id: 'servicePrincipals',
  displayName: 'Enterprise applications (service principals)',
  category: 'Applications',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/servicePrincipals',
  itemPath: '/servicePrincipals/{id}',
  select: [
    'id',
    'accountEnabled',
    'addIns',
    'alternativeNames',
    'appDescription',
    'appDisplayName',
    'appId',
    'applicationTemplateId',
    'appOwnerOrganizationId',
    'appRoleAssignmentRequired',
    'appRoles',
    'createdByAppId',
    'deletedDateTime',
    'description',
    'disabledByMicrosoftStatus',
    'displayName',
    'homepage',
    'info',
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
  pageSize: DIRECTORY_PAGE_SIZE,
  delta: { path: '/servicePrincipals/delta' },
  relationships: [
    {
      name: 'owners',
      cardinality: 'many',
      readVia: 'perObject',
      targets: ['users', 'servicePrincipals'],
      addPath: '/servicePrincipals/{id}/owners/$ref',
      removePath: '/servicePrincipals/{id}/owners/{refId}/$ref',
    },
  ],
  children: [
    {
      name: 'appRoleAssignedTo',
      listPath: '/servicePrincipals/{id}/appRoleAssignedTo',
      readOnlyProperties: [
        'id',
        'deletedDateTime',
        'createdDateTime',
        'principalDisplayName',
        'principalType',
        'resourceDisplayName',
      ],
      references: [
        { path: 'principalId', targets: PRINCIPAL_MODULES },
        { path: 'resourceId', targets: ['servicePrincipals'] },
      ],
      // Assignments cannot be changed: create missing ones, delete extra ones.
      restore: 'create',
      matchBy: ['appRoleId', 'principalId'],
      // AppRoleAssignment.ReadWrite.All also requires Directory.Read.All (permissions reference).
      writePermissions: ['AppRoleAssignment.ReadWrite.All', 'Directory.Read.All'],
    },
  ],
  readOnlyProperties: [
    'id',
    'deletedDateTime',
    'appDisplayName',
    'appDescription',
    'appOwnerOrganizationId',
    'applicationTemplateId',
    'createdByAppId',
    'disabledByMicrosoftStatus',
    'resourceSpecificApplicationPermissions',
    'servicePrincipalType',
    'signInAudience',
    'verifiedPublisher',
    // Secrets are only added by addPassword; PATCH refuses them.
    'passwordCredentials',
  ],
  // The appId is the application's: a re-created application's new appId flows into its service
  // principal. First-party apps have no application object, so their appId is kept as it is.
  references: [
    { path: 'appId', targets: ['applications'], targetProperty: 'appId', keepDangling: true },
  ],
  alternateKeys: [{ property: 'appId', addressable: true }],
  // Microsoft's first-party service principals: published by Microsoft's own tenants.
  microsoftOwnedWhen: { property: 'appOwnerOrganizationId', values: MICROSOFT_APP_OWNER_TENANTS },
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/servicePrincipals/{id}',
    immutableProperties: ['appId'],
    softDelete: directorySoftDelete('servicePrincipal'),
  },
  dependsOn: ['applications', 'users', 'groups'],
  // The appId names the application, also for Microsoft's first-party apps in every tenant.
  naturalKey: 'appId',
  permissions: {
    read: ['Application.Read.All'],
    // Adding owners also requires Directory.Read.All (permissions reference: AlsoRequires).
    write: ['Application.ReadWrite.All', 'Directory.Read.All'],
  },
  caveats: [
    'SAML signing certificates cannot be exported: a re-created service principal gets a new certificate and SAML partners must import the new metadata.',
    'Password single sign-on credentials and provisioning job secrets cannot be backed up.',
    "Microsoft first-party service principals are re-created from their appId; a re-created custom app's service principal needs the restored application first.",
    'Granting app roles (application permissions) through appRoleAssignedTo is a high-privilege operation.',
  ],
};
