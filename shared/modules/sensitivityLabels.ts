import type { ModuleDefinition } from './types';

/** Microsoft Purview sensitivity labels, as Graph exposes them (read-only). */
export const sensitivityLabelsModule: ModuleDefinition = {
  id: 'sensitivityLabels',
  displayName: 'Sensitivity labels',
  category: 'Information protection',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/security/dataSecurityAndGovernance/sensitivityLabels',
  itemPath: '/security/dataSecurityAndGovernance/sensitivityLabels/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [],
  restore: {
    kind: 'backupOnly',
    reason:
      'Graph has no write API for sensitivity labels; restore them in the Microsoft Purview portal or with Security & Compliance PowerShell.',
  },
  dependsOn: [],
  permissions: { read: ['SensitivityLabel.Read'], write: [] },
  caveats: [
    'Label protection settings (encryption rights, content marking) are only partly exposed by Graph.',
  ],
  addedInVersion: '0.2.0',
};
