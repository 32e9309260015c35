import type { ModuleDefinition } from './types';

/** The tenant-wide default app management policy (credential rules for every app). */
export const defaultAppManagementPolicyModule: ModuleDefinition = {
  id: 'defaultAppManagementPolicy',
  displayName: 'Default app management policy',
  category: 'Applications',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/defaultAppManagementPolicy',
  itemPath: '/policies/defaultAppManagementPolicy',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'deletedDateTime'],
  references: [],
  restore: { kind: 'singleton', method: 'PATCH', path: '/policies/defaultAppManagementPolicy' },
  dependsOn: [],
  permissions: {
    read: ['Policy.Read.All'],
    write: ['Policy.ReadWrite.ApplicationConfiguration'],
  },
  caveats: [
    'Restrictions with a restrictForAppsCreatedAfterDateTime keep their date: apps created before it stay exempt.',
  ],
  addedInVersion: '0.2.0',
};
