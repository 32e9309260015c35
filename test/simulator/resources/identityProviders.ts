import { badRequest } from '../errors';
import type { ResourceDescriptor } from './descriptor';

const TYPES: Record<string, readonly string[]> = {
  '#microsoft.graph.socialIdentityProvider': ['clientId', 'clientSecret', 'identityProviderType'],
  '#microsoft.graph.builtInIdentityProvider': ['identityProviderType'],
  '#microsoft.graph.appleManagedIdentityProvider': [
    'certificateData',
    'developerId',
    'keyId',
    'serviceId',
  ],
};

/**
 * /identity/identityProviders (identityProviderBase; `@odata.type` required). `clientSecret` and
 * Apple's `certificateData` are write-only: reads return '******' (graph-notes B21).
 */
export const identityProviders: ResourceDescriptor = {
  name: 'identityProviders',
  path: 'identity/identityProviders',
  odataType: 'microsoft.graph.identityProviderBase',
  properties: [
    'certificateData',
    'clientId',
    'clientSecret',
    'developerId',
    'displayName',
    'id',
    'identityProviderType',
    'keyId',
    'serviceId',
  ],
  readOnly: ['id'],
  requiredOnCreate: ['@odata.type', 'displayName'],
  operations: { create: true, update: true, delete: true },
  validateWrite(op, body, existing) {
    if (op === 'delete') {
      if (existing?.['@odata.type'] === '#microsoft.graph.builtInIdentityProvider')
        throw badRequest('Built-in identity providers cannot be deleted.');
      return;
    }
    const type = String(body['@odata.type'] ?? existing?.['@odata.type'] ?? '');
    const allowed = TYPES[type];
    if (!allowed) throw badRequest(`'${type}' is not a supported identity provider type.`);
    if (existing && body['@odata.type'] && body['@odata.type'] !== existing['@odata.type'])
      throw badRequest('The @odata.type of an identity provider cannot be changed.');
    const wrong = Object.keys(body).find(
      (k) => k !== '@odata.type' && k !== 'displayName' && !allowed.includes(k),
    );
    if (wrong) throw badRequest(`Property '${wrong}' does not exist on type '${type.slice(1)}'.`);
  },
  onCreate: maskSecrets,
  onUpdate: maskSecrets,
};

function maskSecrets(obj: Record<string, unknown>): void {
  for (const k of ['clientSecret', 'certificateData']) if (obj[k]) obj[k] = '******';
}
