import type { ResourceDescriptor } from './descriptor';

/**
 * /identity/apiConnectors. The basic-auth `password` (and a PKCS#12 `password`) inside
 * authenticationConfiguration is write-only: reads return '******' (graph-notes B35).
 */
export const apiConnectors: ResourceDescriptor = {
  name: 'apiConnectors',
  path: 'identity/apiConnectors',
  odataType: 'microsoft.graph.identityApiConnector',
  properties: ['authenticationConfiguration', 'displayName', 'id', 'targetUrl'],
  readOnly: ['id'],
  requiredOnCreate: ['displayName', 'targetUrl', 'authenticationConfiguration'],
  operations: { create: true, update: true, delete: true },
  onCreate: maskPassword,
  onUpdate: maskPassword,
};

function maskPassword(obj: Record<string, unknown>): void {
  const auth = obj.authenticationConfiguration as Record<string, unknown> | null | undefined;
  if (auth && typeof auth === 'object' && 'password' in auth)
    obj.authenticationConfiguration = { ...auth, password: '******' };
  if (auth && typeof auth === 'object' && 'pkcs12Value' in auth)
    obj.authenticationConfiguration = {
      ...(obj.authenticationConfiguration as object),
      pkcs12Value: '******',
    };
}
