import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

const schema: ResourceDescriptor = {
  name: 'externalConnectionSchemas',
  path: '',
  odataType: 'microsoft.graph.externalConnectors.schema',
  properties: ['baseType', 'id', 'properties'],
  readOnly: ['id'],
  requiredOnCreate: ['baseType', 'properties'],
  operations: { create: true, update: true, delete: false },
  validateWrite(op, body) {
    if (
      op !== 'delete' &&
      body.baseType !== undefined &&
      body.baseType !== 'microsoft.graph.externalItem'
    )
      throw badRequest("baseType must be 'microsoft.graph.externalItem'.");
  },
};

/**
 * /external/connections (+ schema). The id is caller-chosen (3-32 letters/digits); schema
 * registration is asynchronous: PATCH …/schema answers 202 with a Location of the operation.
 * Items are not listable in Graph and are not emulated (graph-notes 42 / B42).
 */
export const externalConnections: ResourceDescriptor = {
  name: 'externalConnections',
  path: 'external/connections',
  odataType: 'microsoft.graph.externalConnectors.externalConnection',
  properties: [
    'activitySettings',
    'configuration',
    'connectorId',
    'contentCategory',
    'description',
    'id',
    'name',
    'searchSettings',
    'state',
  ],
  readOnly: ['id', 'state'],
  requiredOnCreate: ['name'],
  operations: { create: true, update: true, delete: true },
  callerChosenId: { property: 'id', pattern: /^[A-Za-z0-9]{3,32}$/ },
  navigation: {
    schema: { kind: 'singleChild', child: schema, id: 'schema', accepted: true },
  },
  onCreate(obj) {
    obj.state = 'draft';
  },
};
