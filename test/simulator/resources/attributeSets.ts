import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/**
 * /directory/attributeSets: the caller names the set (the id); sets cannot be deleted and
 * maxAttributesPerSet can only grow (1..500).
 */
export const attributeSets: ResourceDescriptor = {
  name: 'attributeSets',
  path: 'directory/attributeSets',
  odataType: 'microsoft.graph.attributeSet',
  properties: ['description', 'id', 'maxAttributesPerSet'],
  readOnly: ['id'],
  requiredOnCreate: [],
  operations: { create: true, update: true, delete: false },
  callerChosenId: { property: 'id', pattern: /^[A-Za-z0-9]{1,32}$/ },
  validateWrite(op, body, existing) {
    const max = body.maxAttributesPerSet;
    if (max === undefined || max === null) return;
    if (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 500)
      throw badRequest("Property 'maxAttributesPerSet' must be between 1 and 500.");
    const current = existing?.maxAttributesPerSet;
    if (op === 'update' && typeof current === 'number' && (max as number) < current)
      throw badRequest("Property 'maxAttributesPerSet' can only be increased.");
  },
};
