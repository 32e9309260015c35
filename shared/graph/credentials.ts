import {
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type AccessToken,
  type TokenCredential,
} from '@azure/identity';
import { z } from 'zod';
import { extraCaPolicies } from '../config/loopbackTls';

/**
 * A tenant's credential once its references were read (see shared/tenants/tenantCredential.ts):
 * held in memory only, never stored. `authorityHost` defaults to login.microsoftonline.com; the
 * token is always requested from that host's authority for `tenantId`.
 */
const authorityHost = z.url({ protocol: /^https$/ }).optional();
export const graphCredentialConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staticToken'), token: z.string().min(1) }),
  z.object({
    kind: z.literal('clientSecret'),
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    authorityHost,
  }),
  z.object({
    kind: z.literal('certificate'),
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    certificatePem: z.string().min(1),
    authorityHost,
  }),
  z.object({ kind: z.literal('managedIdentity'), clientId: z.string().optional() }),
  z.object({
    kind: z.literal('clientAssertion'),
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    managedIdentityClientId: z.string().optional(),
    authorityHost,
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

/** Options of every identity-platform credential: the tenant's authority and no other. */
function authorityOptions(host: string | undefined) {
  return {
    ...(host ? { authorityHost: host, disableInstanceDiscovery: !isMicrosoftHost(host) } : {}),
    // Never silently switch tenant: a token is only ever requested for the configured tenant.
    additionallyAllowedTenants: [],
    additionalPolicies: extraCaPolicies(),
  };
}

function isMicrosoftHost(host: string): boolean {
  return /^https:\/\/login\.(microsoftonline\.(com|us)|chinacloudapi\.cn|partner\.microsoftonline\.cn)\/?$/.test(
    host,
  );
}

export function createTokenCredential(config: GraphCredentialConfig): TokenCredential {
  switch (config.kind) {
    case 'staticToken':
      return new StaticTokenCredential(config.token);
    case 'clientSecret':
      return new ClientSecretCredential(
        config.tenantId,
        config.clientId,
        config.clientSecret,
        authorityOptions(config.authorityHost),
      );
    case 'certificate':
      return new ClientCertificateCredential(
        config.tenantId,
        config.clientId,
        { certificate: config.certificatePem },
        authorityOptions(config.authorityHost),
      );
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
      return new ClientAssertionCredential(
        config.tenantId,
        config.clientId,
        async () => {
          const token = await managedIdentity.getToken('api://AzureADTokenExchange/.default');
          if (!token) throw new Error('managed identity returned no token for the assertion');
          return token.token;
        },
        authorityOptions(config.authorityHost),
      );
    }
  }
}
