import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.federatedIdentityCredential, child of an application (graph-notes A10/B10). */
export const federatedIdentityCredentials: ResourceDescriptor = {
  name: 'federatedIdentityCredentials',
  path: '',
  odataType: 'microsoft.graph.federatedIdentityCredential',
  properties: ['id', 'name', 'issuer', 'subject', 'audiences', 'description'],
  readOnly: ['id'],
  createOnly: ['name'],
  requiredOnCreate: ['name', 'issuer', 'subject', 'audiences'],
  alternateKeys: ['name'],
  uniqueWithinParent: ['name'],
  maxPerParent: 20,
  operations: { create: true, update: true, delete: true },
};
