import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

const rules: ResourceDescriptor = {
  name: 'roleManagementPolicyRules',
  path: '',
  odataType: 'microsoft.graph.unifiedRoleManagementPolicyRule',
  // Rule subtypes (expiration, enablement, approval, notification, authenticationContext).
  properties: [
    'id',
    'target',
    'isExpirationRequired',
    'maximumDuration',
    'enabledRules',
    'setting',
    'notificationType',
    'recipientType',
    'notificationLevel',
    'isDefaultRecipientsEnabled',
    'notificationRecipients',
    'isEnabled',
    'claimValue',
  ],
  readOnly: ['id'],
  requiredOnCreate: [],
  // Rules exist for every policy; only PATCH changes them (graph-notes 2.1).
  operations: { create: false, update: true, delete: false },
  validateWrite(op, body, existing) {
    if (op === 'update' && body['@odata.type'] && body['@odata.type'] !== existing?.['@odata.type'])
      throw badRequest('The @odata.type of a rule cannot be changed.');
  },
};

/**
 * /policies/roleManagementPolicies (+ rules): one policy per directory role, created by the
 * service; no POST / DELETE. Assignments say which role a policy governs.
 */
export const roleManagementPolicies: ResourceDescriptor = {
  name: 'roleManagementPolicies',
  path: 'policies/roleManagementPolicies',
  odataType: 'microsoft.graph.unifiedRoleManagementPolicy',
  properties: [
    'description',
    'displayName',
    'id',
    'isOrganizationDefault',
    'lastModifiedBy',
    'lastModifiedDateTime',
    'scopeId',
    'scopeType',
  ],
  readOnly: [
    'id',
    'lastModifiedBy',
    'lastModifiedDateTime',
    'scopeId',
    'scopeType',
    'isOrganizationDefault',
  ],
  requiredOnCreate: [],
  operations: { create: false, update: false, delete: false },
  navigation: { rules: { kind: 'children', child: rules } },
};
