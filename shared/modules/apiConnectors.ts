import type { ModuleDefinition } from './types';

/** API connectors that call external APIs during sign-up flows. */
export const apiConnectorsModule: ModuleDefinition = {
  id: 'apiConnectors',
  displayName: 'API connectors',
  category: 'External identities',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/identity/apiConnectors',
  itemPath: '/identity/apiConnectors/{id}',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/identity/apiConnectors/{id}' },
  dependsOn: [],
  permissions: {
    // The reference has no read-only permission for API connectors.
    read: ['APIConnectors.ReadWrite.All'],
    write: ['APIConnectors.ReadWrite.All'],
  },
  caveats: [
    'Basic authentication passwords are not returned and client certificates (PKCS#12) cannot be exported: re-enter them after a restore.',
  ],
  addedInVersion: '0.2.0',
};
