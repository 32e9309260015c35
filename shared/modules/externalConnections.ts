import type { ModuleDefinition } from './types';

/** Microsoft Search / Copilot connectors: connection settings and their schema. */
export const externalConnectionsModule: ModuleDefinition = {
  id: 'externalConnections',
  displayName: 'External connections (Copilot connectors)',
  category: 'Connectors',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: '/external/connections',
  itemPath: '/external/connections/{id}',
  relationships: [],
  children: [
    {
      name: 'schema',
      listPath: '/external/connections/{id}/schema',
      cardinality: 'one',
      readOnlyProperties: ['id'],
      references: [],
      restore: 'createOrPatch',
      matchBy: ['baseType'],
    },
  ],
  readOnlyProperties: ['id', 'state'],
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: '/external/connections/{id}' },
  // Connections are named by the caller; the id is also what search verticals refer to.
  callerChosenId: true,
  dependsOn: [],
  permissions: {
    read: ['ExternalConnection.Read.All'],
    write: ['ExternalConnection.ReadWrite.All'],
  },
  caveats: [
    'Items cannot be listed through Graph, so they are not backed up: re-ingest the content from its source system after a restore.',
    'Schema registration is asynchronous; a re-created connection can take items only once its schema operation completes.',
  ],
  addedInVersion: '0.2.0',
};
