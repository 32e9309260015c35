import type { ModuleDefinition } from './types';

/** Identity Protection risk detections: security history, kept for investigation and audit. */
export const riskDetectionsModule: ModuleDefinition = {
  id: 'riskDetections',
  displayName: 'Risk detections (history)',
  category: 'Devices & Security',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identityProtection/riskDetections',
  itemPath: '/identityProtection/riskDetections/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: [
    'id',
    'activity',
    'activityDateTime',
    'additionalInfo',
    'correlationId',
    'detectedDateTime',
    'detectionTimingType',
    'ipAddress',
    'lastUpdatedDateTime',
    'location',
    'requestId',
    'riskDetail',
    'riskEventType',
    'riskLevel',
    'riskState',
    'source',
    'tokenIssuerType',
    'userDisplayName',
    'userPrincipalName',
  ],
  references: [],
  restore: {
    kind: 'backupOnly',
    reason:
      'Risk detections are history that Identity Protection records; Graph cannot create or change them.',
  },
  dependsOn: [],
  permissions: { read: ['IdentityRiskEvent.Read.All'], write: [] },
  caveats: [
    'Identity Protection reads are throttled to about one request per second per tenant.',
    'Detections are kept by Microsoft for a limited time (90 days or less depending on licence); a backup keeps what was there at backup time.',
  ],
  addedInVersion: '0.2.0',
};
