import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/**
 * /identity/b2cUserFlows — beta only (the v1.0 CSDL has no b2cIdentityUserFlow); served under
 * /beta only. The id is given on create and gets the `B2C_1_` prefix (graph-notes B34).
 */
export const b2cUserFlows: ResourceDescriptor = {
  name: 'b2cUserFlows',
  path: 'identity/b2cUserFlows',
  odataType: 'microsoft.graph.b2cIdentityUserFlow',
  betaOnly: true,
  properties: [
    'apiConnectorConfiguration',
    'defaultLanguageTag',
    'id',
    'isLanguageCustomizationEnabled',
    'userFlowType',
    'userFlowTypeVersion',
  ],
  readOnly: ['id'],
  createOnly: ['userFlowType', 'userFlowTypeVersion'],
  requiredOnCreate: ['userFlowType', 'userFlowTypeVersion'],
  operations: { create: true, update: true, delete: true },
  callerChosenId: { property: 'id' },
  validateWrite(op, body) {
    if (op !== 'create') return;
    const types = [
      'signUp',
      'signIn',
      'signUpOrSignIn',
      'passwordReset',
      'profileUpdate',
      'resourceOwner',
    ];
    if (!types.includes(String(body.userFlowType)))
      throw badRequest(`'${String(body.userFlowType)}' is not a valid userFlowType.`);
  },
  onCreate(obj) {
    if (!obj.id.startsWith('B2C_1_')) obj.id = `B2C_1_${obj.id}`;
  },
};
