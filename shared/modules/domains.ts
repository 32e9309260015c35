import type { ModuleDefinition } from './types';

/** Custom domains with their federation configuration (federated domains only). */
export const domainsModule: ModuleDefinition = {
  id: 'domains',
  displayName: 'Domains and federation',
  category: 'Organization',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/domains',
  itemPath: '/domains/{id}',
  relationships: [],
  children: [
    {
      name: 'federationConfiguration',
      listPath: '/domains/{id}/federationConfiguration',
      readOnlyProperties: ['id', 'signingCertificateUpdateStatus'],
      references: [],
      restore: 'createOrPatch',
      // One federation per domain, identified by its issuer.
      matchBy: ['issuerUri'],
      writePermissions: ['Domain-InternalFederation.ReadWrite.All'],
    },
  ],
  readOnlyProperties: [
    'id',
    'authenticationType',
    'availabilityStatus',
    'isAdminManaged',
    'isInitial',
    'isRoot',
    'isVerified',
    'manufacturer',
    'model',
    'state',
  ],
  references: [],
  restore: {
    kind: 'createOrUpdate',
    updatePath: '/domains/{id}',
    // The initial *.onmicrosoft.com domain exists in every tenant and cannot be removed.
    builtInWhen: { property: 'isInitial', equals: true },
  },
  // The DNS name is the id.
  callerChosenId: true,
  dependsOn: [],
  permissions: {
    read: ['Domain.Read.All', 'Domain-InternalFederation.Read.All'],
    write: ['Domain.ReadWrite.All'],
  },
  caveats: [
    'A re-added domain must be verified again through DNS before it can be used or federated.',
    'Federation signing certificates are public certificates; the identity provider keeps its private keys.',
  ],
  addedInVersion: '0.2.0',
};
