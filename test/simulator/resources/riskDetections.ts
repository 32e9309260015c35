import type { ResourceDescriptor } from './descriptor';

/** /identityProtection/riskDetections: log-style data, read-only (graph-notes B40). */
export const riskDetections: ResourceDescriptor = {
  name: 'riskDetections',
  path: 'identityProtection/riskDetections',
  odataType: 'microsoft.graph.riskDetection',
  properties: [
    'activity',
    'activityDateTime',
    'additionalInfo',
    'correlationId',
    'detectedDateTime',
    'detectionTimingType',
    'id',
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
    'userId',
    'userPrincipalName',
  ],
  readOnly: ['id'],
  requiredOnCreate: [],
  operations: { create: false, update: false, delete: false },
};
