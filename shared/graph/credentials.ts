import {
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type AccessToken,
  type TokenCredential,
} from '@azure/identity';
import { z } from 'zod';

/**
 * How entra-backup signs in to one customer tenant. Only references are configured; secret
 * values come from app settings (Key Vault references in Azure) at run time and are never stored.
 */
export const graphCredentialConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staticToken'), token: z.string().min(1) }),
  z.object({
    kind: z.literal('clientSecret'),
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
  }),
  z.object({
    kind: z.literal('certificate'),
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    certificatePath: z.string().min(1),
  }),
  z.object({ kind: z.literal('managedIdentity'), clientId: z.string().optional() }),
  z.object({
    kind: z.literal('clientAssertion'),
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    managedIdentityClientId: z.string().optional(),
  }),
]);
export type GraphCredentialConfig = z.infer<typeof graphCredentialConfigSchema>;

/** A fixed bearer token: only for the loopback simulator (tests, demo, bench). */
class StaticTokenCredential implements TokenCredential {
  constructor(private readonly token: string) {}
  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

export function createTokenCredential(config: GraphCredentialConfig): TokenCredential {
  switch (config.kind) {
    case 'staticToken':
      return new StaticTokenCredential(config.token);
    case 'clientSecret':
      return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret);
    case 'certificate':
      return new ClientCertificateCredential(config.tenantId, config.clientId, {
        certificatePath: config.certificatePath,
      });
    case 'managedIdentity':
      return config.clientId
        ? new ManagedIdentityCredential({ clientId: config.clientId })
        : new ManagedIdentityCredential();
    case 'clientAssertion': {
      // Secretless multi-tenant: the Function App's managed identity signs an assertion for the
      // multi-tenant app, which holds a federated credential trusting that identity.
      const managedIdentity = config.managedIdentityClientId
        ? new ManagedIdentityCredential({ clientId: config.managedIdentityClientId })
        : new ManagedIdentityCredential();
      return new ClientAssertionCredential(config.tenantId, config.clientId, async () => {
        const token = await managedIdentity.getToken('api://AzureADTokenExchange/.default');
        if (!token) throw new Error('managed identity returned no token for the assertion');
        return token.token;
      });
    }
  }
}

/**
 * Reads the credential for a tenant from the environment:
 * GRAPH_STATIC_TOKEN (simulator), or GRAPH_CLIENT_ID with GRAPH_CLIENT_SECRET or
 * GRAPH_CERTIFICATE_PATH, or GRAPH_CREDENTIAL=managedIdentity|clientAssertion.
 */
export function credentialConfigFromEnv(
  tenantId: string,
  env: NodeJS.ProcessEnv = process.env,
): GraphCredentialConfig {
  if (env.GRAPH_STATIC_TOKEN) return { kind: 'staticToken', token: env.GRAPH_STATIC_TOKEN };
  const clientId = env.GRAPH_CLIENT_ID;
  if (env.GRAPH_CREDENTIAL === 'managedIdentity') {
    return { kind: 'managedIdentity', clientId: env.GRAPH_MANAGED_IDENTITY_CLIENT_ID };
  }
  if (env.GRAPH_CREDENTIAL === 'clientAssertion' && clientId) {
    return {
      kind: 'clientAssertion',
      tenantId,
      clientId,
      managedIdentityClientId: env.GRAPH_MANAGED_IDENTITY_CLIENT_ID,
    };
  }
  if (clientId && env.GRAPH_CLIENT_SECRET) {
    return { kind: 'clientSecret', tenantId, clientId, clientSecret: env.GRAPH_CLIENT_SECRET };
  }
  if (clientId && env.GRAPH_CERTIFICATE_PATH) {
    return { kind: 'certificate', tenantId, clientId, certificatePath: env.GRAPH_CERTIFICATE_PATH };
  }
  throw new Error(
    'No Graph credential configured: set GRAPH_STATIC_TOKEN (simulator), GRAPH_CLIENT_ID with ' +
      'GRAPH_CLIENT_SECRET or GRAPH_CERTIFICATE_PATH, or GRAPH_CREDENTIAL=managedIdentity|clientAssertion',
  );
}
