import type { ModuleDefinition } from './types';

/**
 * Intune mobile apps (store, web and line-of-business apps) with their group assignments.
 * mobileApp is polymorphic: writes carry the concrete @odata.type (win32LobApp, iosStoreApp…).
 */
export const intuneMobileAppsModule: ModuleDefinition = {
  id: 'intuneMobileApps',
  displayName: 'Intune mobile apps',
  category: 'Applications',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/deviceAppManagement/mobileApps',
  itemPath: '/deviceAppManagement/mobileApps/{id}',
  relationships: [],
  children: [
    {
      name: 'assignments',
      listPath: '/deviceAppManagement/mobileApps/{id}/assignments',
      readOnlyProperties: ['id'],
      references: [{ path: 'target.groupId', targets: ['groups'] }],
      restore: 'createOrPatch',
      // One assignment per target (a group, all users or all devices).
      matchBy: ['target'],
    },
  ],
  readOnlyProperties: ['id', 'createdDateTime', 'lastModifiedDateTime', 'publishingState'],
  keepODataType: true,
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/deviceAppManagement/mobileApps/{id}' },
  dependsOn: ['groups'],
  permissions: {
    read: ['DeviceManagementApps.Read.All'],
    write: ['DeviceManagementApps.ReadWrite.All'],
  },
  caveats: [
    'Line-of-business and Win32 app binaries cannot be exported: a re-created app has its metadata only and its content must be uploaded again.',
    'Built-in and Microsoft 365 Apps entries are re-created from their metadata; store apps may need the store listing to still exist.',
    'Assignment targets name group ids, which are remapped to restored groups.',
  ],
  addedInVersion: '0.2.0',
};
