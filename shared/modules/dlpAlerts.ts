import type { ModuleDefinition } from './types';

/** Data loss prevention alerts from Microsoft Purview (alerts_v2 with serviceSource DLP). */
export const dlpAlertsModule: ModuleDefinition = {
  id: 'dlpAlerts',
  displayName: 'DLP alerts (history)',
  category: 'Devices & Security',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: "/security/alerts_v2?$filter=serviceSource eq 'dataLossPrevention'",
  itemPath: '/security/alerts_v2/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'createdDateTime', 'lastUpdateDateTime', 'tenantId'],
  references: [],
  restore: {
    kind: 'backupOnly',
    reason:
      'Alerts are raised by the service; Graph can only change their triage status, not recreate them. DLP policies themselves are not exposed by Graph.',
  },
  dependsOn: [],
  permissions: { read: ['SecurityAlert.Read.All'], write: [] },
  caveats: [],
  addedInVersion: '0.2.0',
};
