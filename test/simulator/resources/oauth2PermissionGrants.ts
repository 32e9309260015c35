import { badRequest, notFound } from '../errors';
import type { ResourceDescriptor } from './descriptor';

/** microsoft.graph.oAuth2PermissionGrant — graph-notes A14/B14. */
export const oauth2PermissionGrants: ResourceDescriptor = {
  name: 'oauth2PermissionGrants',
  path: 'oauth2PermissionGrants',
  odataType: 'microsoft.graph.oAuth2PermissionGrant',
  properties: ['clientId', 'consentType', 'id', 'principalId', 'resourceId', 'scope'],
  readOnly: ['id'],
  createOnly: ['clientId', 'consentType', 'principalId', 'resourceId'],
  requiredOnCreate: ['clientId', 'consentType', 'resourceId'],
  operations: { create: true, update: true, delete: true },
  delta: true,
  costs: { list: 2, get: 2 },
  validateWrite(op, body, _existing, ctx) {
    if (op !== 'create') return;
    for (const key of ['clientId', 'resourceId']) {
      if (!ctx.lookup('servicePrincipals', String(body[key]))) throw notFound(String(body[key]));
    }
    if (body.consentType === 'Principal') {
      if (!body.principalId || !ctx.lookup('users', String(body.principalId)))
        throw notFound(String(body.principalId));
    } else if (body.consentType === 'AllPrincipals') {
      if (body.principalId)
        throw badRequest('principalId must be null when consentType is AllPrincipals.');
    } else {
      throw badRequest(`Invalid value '${String(body.consentType)}' for property consentType.`);
    }
  },
  onCreate(obj) {
    obj.principalId ??= null;
    obj.scope ??= '';
  },
};
