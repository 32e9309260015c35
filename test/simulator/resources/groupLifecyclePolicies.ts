import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

const MANAGED_GROUP_TYPES = ['All', 'Selected', 'None'];

/**
 * /groupLifecyclePolicies: the Microsoft 365 group expiration policy, at most one per tenant.
 * The groups of a 'Selected' policy (addGroup / removeGroup actions) are not emulated.
 */
export const groupLifecyclePolicies: ResourceDescriptor = {
  name: 'groupLifecyclePolicies',
  path: 'groupLifecyclePolicies',
  odataType: 'microsoft.graph.groupLifecyclePolicy',
  properties: ['alternateNotificationEmails', 'groupLifetimeInDays', 'id', 'managedGroupTypes'],
  readOnly: ['id'],
  requiredOnCreate: ['groupLifetimeInDays', 'managedGroupTypes'],
  operations: { create: true, update: true, delete: true },
  validateWrite(op, body, _existing, ctx) {
    if (op === 'delete') return;
    if (op === 'create' && [...ctx.list('groupLifecyclePolicies')].length > 0)
      throw badRequest('Only one group lifecycle policy is allowed per tenant.');
    const types = body.managedGroupTypes;
    if (types !== undefined && !MANAGED_GROUP_TYPES.includes(String(types)))
      throw badRequest(
        `The value '${String(types)}' is not valid for property 'managedGroupTypes'.`,
      );
    const days = body.groupLifetimeInDays;
    if (days !== undefined && (!Number.isInteger(days) || (days as number) < 30))
      throw badRequest("Property 'groupLifetimeInDays' must be a whole number of at least 30.");
  },
};
