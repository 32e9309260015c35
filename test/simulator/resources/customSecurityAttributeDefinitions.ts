import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/** Predefined values of a definition: the value is the id; deactivated (isActive), never deleted. */
const allowedValues: ResourceDescriptor = {
  name: 'customSecurityAttributeAllowedValues',
  path: '',
  odataType: 'microsoft.graph.allowedValue',
  properties: ['id', 'isActive'],
  readOnly: ['id'],
  requiredOnCreate: ['isActive'],
  operations: { create: true, update: true, delete: false },
  callerChosenId: { property: 'id', pattern: /^[^%&*+/:<>?\\]{1,64}$/ },
};

const TYPES = ['String', 'Integer', 'Boolean'];
const STATUSES = ['Available', 'Deprecated'];

/**
 * /directory/customSecurityAttributeDefinitions: Graph sets the id to `{attributeSet}_{name}`;
 * only description, status and usePreDefinedValuesOnly change after creation; definitions are
 * deactivated (status Deprecated), never deleted.
 */
export const customSecurityAttributeDefinitions: ResourceDescriptor = {
  name: 'customSecurityAttributeDefinitions',
  path: 'directory/customSecurityAttributeDefinitions',
  odataType: 'microsoft.graph.customSecurityAttributeDefinition',
  properties: [
    'attributeSet',
    'description',
    'id',
    'isCollection',
    'isSearchable',
    'name',
    'status',
    'type',
    'usePreDefinedValuesOnly',
  ],
  readOnly: ['id'],
  createOnly: ['attributeSet', 'isCollection', 'isSearchable', 'name', 'type'],
  requiredOnCreate: [
    'attributeSet',
    'isCollection',
    'isSearchable',
    'name',
    'status',
    'type',
    'usePreDefinedValuesOnly',
  ],
  operations: { create: true, update: true, delete: false },
  navigation: { allowedValues: { kind: 'children', child: allowedValues } },
  validateWrite(op, body, _existing, ctx) {
    if (op === 'delete') return;
    if (op === 'create') {
      const set = String(body.attributeSet);
      if (!ctx.lookup('attributeSets', set))
        throw badRequest(`The attribute set '${set}' does not exist.`);
      if (!/^[A-Za-z0-9]{1,32}$/.test(String(body.name)))
        throw badRequest(`The value '${String(body.name)}' is not valid for property 'name'.`);
      if (!TYPES.includes(String(body.type)))
        throw badRequest(`The value '${String(body.type)}' is not valid for property 'type'.`);
      if (body.type === 'Boolean' && (body.isCollection === true || body.usePreDefinedValuesOnly))
        throw badRequest('A Boolean attribute cannot be a collection or use predefined values.');
    }
    if (body.status !== undefined && !STATUSES.includes(String(body.status)))
      throw badRequest(`The value '${String(body.status)}' is not valid for property 'status'.`);
  },
  onCreate(obj) {
    obj.id = `${String(obj.attributeSet)}_${String(obj.name)}`;
  },
};
