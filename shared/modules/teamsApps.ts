import type { ModuleDefinition } from './types';

/**
 * Custom Teams apps published to the organization's app catalog, with their app definitions
 * (versions). Store apps are the same in every tenant and are not listed.
 */
export const teamsAppsModule: ModuleDefinition = {
  id: 'teamsApps',
  displayName: 'Teams apps (organization catalog)',
  category: 'Applications',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath:
    "/appCatalogs/teamsApps?$filter=distributionMethod eq 'organization'&$expand=appDefinitions",
  itemPath: '/appCatalogs/teamsApps/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'externalId', 'distributionMethod'],
  references: [],
  restore: {
    kind: 'backupOnly',
    reason:
      'Graph publishes, updates and deletes Teams apps only with delegated permissions (AppCatalog.Submit / AppCatalog.ReadWrite.All for a signed-in Teams admin), and the app package (zip) cannot be downloaded: keep the original packages and re-publish them in the Teams admin center.',
  },
  dependsOn: [],
  permissions: { read: ['AppCatalog.Read.All'], write: [] },
  caveats: [
    'App packages are not exportable through Graph; only the catalog entries and their definitions are backed up.',
    'Teams app setup and permission policies are managed in Teams PowerShell, not Graph.',
  ],
  addedInVersion: '0.2.0',
};
