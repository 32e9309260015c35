import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';
import { timestamps } from './timestamps';

/**
 * /policies/authenticationStrengthPolicies. Built-in policies (policyType builtIn) cannot be
 * changed or deleted; `allowedCombinations` of a custom policy changes only through the
 * `updateAllowedCombinations` action, so PATCH treats it as create-only.
 */
export const authenticationStrengthPolicies: ResourceDescriptor = {
  name: 'authenticationStrengthPolicies',
  path: 'policies/authenticationStrengthPolicies',
  odataType: 'microsoft.graph.authenticationStrengthPolicy',
  properties: [
    'allowedCombinations',
    'createdDateTime',
    'description',
    'displayName',
    'id',
    'modifiedDateTime',
    'policyType',
    'requirementsSatisfied',
  ],
  readOnly: ['id', 'createdDateTime', 'modifiedDateTime', 'policyType', 'requirementsSatisfied'],
  createOnly: ['allowedCombinations'],
  requiredOnCreate: ['displayName', 'allowedCombinations'],
  operations: { create: true, update: true, delete: true },
  validateWrite(op, body, existing) {
    if (existing?.policyType === 'builtIn')
      throw badRequest('Built-in authentication strength policies cannot be modified.');
    const combos = body.allowedCombinations;
    if (op === 'create' && (!Array.isArray(combos) || combos.length === 0))
      throw badRequest("Property 'allowedCombinations' must list at least one combination.");
  },
  ...timestamps('modifiedDateTime'),
  onCreate(obj, ctx) {
    obj.createdDateTime = ctx.now;
    obj.modifiedDateTime = ctx.now;
    obj.policyType = 'custom';
    obj.requirementsSatisfied = 'mfa';
  },
  actions: {
    updateAllowedCombinations(obj, body, store) {
      if (obj.policyType === 'builtIn')
        throw badRequest('Built-in authentication strength policies cannot be modified.');
      if (!Array.isArray(body.allowedCombinations) || body.allowedCombinations.length === 0)
        throw badRequest("Property 'allowedCombinations' must list at least one combination.");
      store.update('authenticationStrengthPolicies', {
        ...obj,
        allowedCombinations: body.allowedCombinations,
        modifiedDateTime: store.nowIso(),
      });
      return {
        '@odata.context':
          'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.updateAllowedCombinationsResult',
        currentCombinations: body.allowedCombinations,
        previousCombinations: obj.allowedCombinations,
        additionalInformation: null,
        conditionalAccessReferences: [],
      };
    },
  },
};
