import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

const TYPE_PROPERTIES: Record<string, readonly string[]> = {
  '#microsoft.graph.ipNamedLocation': ['ipRanges', 'isTrusted'],
  '#microsoft.graph.countryNamedLocation': [
    'countriesAndRegions',
    'countryLookupMethod',
    'includeUnknownCountriesAndRegions',
  ],
};

/** microsoft.graph.namedLocation (ip / country); @odata.type required on writes (graph-notes A17/B17). */
export const namedLocations: ResourceDescriptor = {
  name: 'namedLocations',
  path: 'identity/conditionalAccess/namedLocations',
  odataType: 'microsoft.graph.namedLocation',
  properties: [
    'countriesAndRegions',
    'countryLookupMethod',
    'createdDateTime',
    'deletedDateTime',
    'displayName',
    'id',
    'includeUnknownCountriesAndRegions',
    'ipRanges',
    'isTrusted',
    'modifiedDateTime',
  ],
  readOnly: ['id', 'createdDateTime', 'modifiedDateTime', 'deletedDateTime'],
  requiredOnCreate: ['@odata.type', 'displayName'],
  operations: { create: true, update: true, delete: true },
  softDelete: 'conditionalAccess',
  validateWrite(op, body, existing) {
    if (op === 'delete') return;
    const type = body['@odata.type'];
    if (typeof type !== 'string' || !TYPE_PROPERTIES[type]) {
      throw badRequest(
        "The '@odata.type' property must be '#microsoft.graph.ipNamedLocation' or '#microsoft.graph.countryNamedLocation'.",
      );
    }
    if (existing && existing['@odata.type'] !== type)
      throw badRequest('The @odata.type of a named location cannot be changed.');
    const other = Object.entries(TYPE_PROPERTIES)
      .filter(([t]) => t !== type)
      .flatMap(([, props]) => props);
    const wrong = other.find((p) => p in body);
    if (wrong) throw badRequest(`Property '${wrong}' does not exist on type '${type.slice(1)}'.`);
  },
  onCreate(obj, ctx) {
    obj.createdDateTime = ctx.now;
    obj.modifiedDateTime = ctx.now;
  },
  onUpdate(obj, ctx) {
    obj.modifiedDateTime = ctx.now;
  },
};
