import { DIRECTORY_PAGE_SIZE } from './common';
import type { ModuleDefinition } from './types';

/** Delegated permission grants (admin and user consent). */
export const oauth2PermissionGrantsModule: ModuleDefinition = {
  id: 'oauth2PermissionGrants',
  displayName: 'Delegated permission grants (consent)',
  category: 'Applications',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/oauth2PermissionGrants',
  itemPath: '/oauth2PermissionGrants/{id}',
  select: ['id', 'clientId', 'consentType', 'principalId', 'resourceId', 'scope'],
  pageSize: DIRECTORY_PAGE_SIZE,
  delta: { path: '/oauth2PermissionGrants/delta' },
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [
    { path: 'clientId', targets: ['servicePrincipals'] },
    { path: 'resourceId', targets: ['servicePrincipals'] },
    // Null when consentType is AllPrincipals (admin consent for everyone).
    { path: 'principalId', targets: ['users'] },
  ],
  restore: { kind: 'createOrUpdate', updatePath: '/oauth2PermissionGrants/{id}' },
  dependsOn: ['servicePrincipals', 'users'],
  permissions: {
    // No narrower application permission reads grants.
    read: ['Directory.Read.All'],
    write: ['DelegatedPermissionGrant.ReadWrite.All'],
  },
  caveats: [
    'Grants are re-created only after the client and resource service principals exist.',
    'Only the scope of a grant can be updated; other changes re-create it.',
  ],
};
