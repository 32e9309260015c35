import type { ResourceDescriptor } from './descriptor';

/**
 * /identityGovernance/termsOfUse/agreements. Graph allows delegated access only (B31); the
 * simulator does not check token kinds, so reads and writes work here. The PDF `files` are not
 * emulated: `files` (localized PDFs) are accepted on create, kept as sent and returned on $select.
 */
export const agreements: ResourceDescriptor = {
  name: 'agreements',
  path: 'identityGovernance/termsOfUse/agreements',
  odataType: 'microsoft.graph.agreement',
  properties: [
    'displayName',
    'files',
    'id',
    'isPerDeviceAcceptanceRequired',
    'isViewingBeforeAcceptanceRequired',
    'termsExpiration',
    'userReacceptRequiredFrequency',
  ],
  selectOnly: ['files'],
  readOnly: ['id'],
  requiredOnCreate: ['displayName'],
  operations: { create: true, update: true, delete: true },
};
