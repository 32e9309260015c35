import type { ModuleDefinition } from './types';

/** SharePoint Online tenant settings, the subset Graph exposes (sharing, sync, site creation). */
export const sharePointSettingsModule: ModuleDefinition = {
  id: 'sharePointSettings',
  displayName: 'SharePoint tenant settings',
  category: 'Applications',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/admin/sharepoint/settings',
  itemPath: '/admin/sharepoint/settings',
  relationships: [],
  children: [],
  // The managed paths are what the tenant offers, not a setting.
  readOnlyProperties: ['id', 'availableManagedPathsForSiteCreation'],
  references: [],
  restore: { kind: 'singleton', method: 'PATCH', path: '/admin/sharepoint/settings' },
  dependsOn: [],
  permissions: {
    read: ['SharePointTenantSettings.Read.All'],
    write: ['SharePointTenantSettings.ReadWrite.All'],
  },
  caveats: [
    'Only the settings Graph exposes are covered; the rest of the SharePoint admin settings need SharePoint Online PowerShell.',
  ],
  addedInVersion: '0.2.0',
};
