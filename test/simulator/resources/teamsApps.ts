import type { ResourceDescriptor } from './descriptor';

const appDefinitions: ResourceDescriptor = {
  name: 'teamsAppDefinitions',
  path: '',
  odataType: 'microsoft.graph.teamsAppDefinition',
  properties: [
    'authorization',
    'createdBy',
    'description',
    'displayName',
    'id',
    'lastModifiedDateTime',
    'publishingState',
    'shortDescription',
    'teamsAppId',
    'version',
  ],
  readOnly: ['id', 'lastModifiedDateTime', 'publishingState', 'teamsAppId', 'createdBy'],
  requiredOnCreate: [],
  operations: { create: false, update: false, delete: false },
};

/**
 * /appCatalogs/teamsApps (+ appDefinitions). Publishing, updating and deleting apps is delegated
 * only (graph-notes B37: "Application: Not supported"), so the simulator serves reads only.
 */
export const teamsApps: ResourceDescriptor = {
  name: 'teamsApps',
  path: 'appCatalogs/teamsApps',
  odataType: 'microsoft.graph.teamsApp',
  properties: ['displayName', 'distributionMethod', 'externalId', 'id'],
  readOnly: ['id', 'distributionMethod', 'externalId'],
  requiredOnCreate: [],
  operations: { create: false, update: false, delete: false },
  navigation: { appDefinitions: { kind: 'children', child: appDefinitions } },
};
