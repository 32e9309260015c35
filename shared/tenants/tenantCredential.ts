import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { ApiError } from '../api/errors';
import { keyVaultReader, KeyVaultReadError, type KeyVaultReader } from '../config/keyVault';
import { createTokenCredential, type GraphCredentialConfig } from '../graph/credentials';
import type { Tenant } from '../state/tenantRepository';

/**
 * A tenant's credential, resolved from its row: the references it names are read (app setting,
 * Key Vault secret or certificate, file) and nothing else is ever tried — a missing or unusable
 * reference fails with a message naming the setting or secret, never falls back to another
 * credential (that would reach one customer with another's rights).
 */
export class TenantCredentialError extends ApiError {
  constructor(
    readonly tenantId: string,
    reason: string,
  ) {
    // 424: the request was fine, the tenant's configured credential is what failed.
    super(424, 'credentialUnavailable', `tenant ${tenantId}: ${reason}`, {
      details: { tenantId },
    });
    this.name = 'TenantCredentialError';
  }
}

export interface ResolvedTenantCredential {
  credential: TokenCredential;
  /** The app (client id) the credential signs in as, when the row names it. */
  clientId?: string;
  /** Cache key: what was resolved, without any secret value. */
  fingerprint: string;
}

export interface CredentialDeps {
  env?: NodeJS.ProcessEnv;
  keyVault?: KeyVaultReader;
}

const KEY_VAULT_URI =
  /^(https:\/\/[^/]+)\/(secrets|certificates)\/([A-Za-z0-9-]{1,127})(?:\/([A-Za-z0-9]{1,64}))?$/;

export function parseKeyVaultUri(
  reference: string,
):
  | { vaultUrl: string; kind: 'secrets' | 'certificates'; name: string; version?: string }
  | undefined {
  const m = KEY_VAULT_URI.exec(reference);
  if (!m) return undefined;
  return { vaultUrl: m[1], kind: m[2] as 'secrets' | 'certificates', name: m[3], version: m[4] };
}

/** The default authority (login.microsoftonline.com) unless GRAPH_AUTHORITY_HOST or the row says otherwise. */
export function authorityHostOf(tenant: Tenant, env: NodeJS.ProcessEnv): string | undefined {
  return tenant.authorityHost ?? (env.GRAPH_AUTHORITY_HOST || undefined);
}

async function readReference(
  tenant: Tenant,
  reference: string,
  what: 'client secret' | 'certificate' | 'token',
  deps: Required<CredentialDeps>,
): Promise<string> {
  const vault = parseKeyVaultUri(reference);
  if (vault) {
    try {
      const value =
        vault.kind === 'certificates'
          ? await deps.keyVault.getCertificate(vault.vaultUrl, vault.name, vault.version)
          : await deps.keyVault.getSecret(vault.vaultUrl, vault.name, vault.version);
      if (what === 'certificate' && !value.value.includes('-----BEGIN')) {
        throw new TenantCredentialError(
          tenant.tenantId,
          `the certificate in Key Vault '${vault.name}' (${vault.vaultUrl}) is not PEM ` +
            `(content type ${value.contentType ?? 'unknown'}); create it with content type application/x-pem-file`,
        );
      }
      return value.value;
    } catch (error) {
      if (error instanceof TenantCredentialError) throw error;
      const detail = error instanceof KeyVaultReadError ? error.message : String(error);
      throw new TenantCredentialError(tenant.tenantId, `${what}: ${detail}`);
    }
  }
  if (what === 'certificate' && (isAbsolute(reference) || reference.includes('/'))) {
    if (!existsSync(reference))
      throw new TenantCredentialError(
        tenant.tenantId,
        `certificate file '${reference}' does not exist`,
      );
    return readFileSync(reference, 'utf8');
  }
  const value = deps.env[reference];
  if (!value)
    throw new TenantCredentialError(
      tenant.tenantId,
      `${what}: app setting '${reference}' is not set`,
    );
  return value;
}

export async function resolveTenantCredential(
  tenant: Tenant,
  options: CredentialDeps = {},
): Promise<ResolvedTenantCredential> {
  const deps = { env: options.env ?? process.env, keyVault: options.keyVault ?? keyVaultReader() };
  const c = tenant.credential;
  const authorityHost = authorityHostOf(tenant, deps.env);
  const fingerprint = JSON.stringify([tenant.tenantId, c, authorityHost ?? '']);
  const managedIdentityClientId = deps.env.GRAPH_MANAGED_IDENTITY_CLIENT_ID || undefined;
  let config: GraphCredentialConfig;
  switch (c.kind) {
    case 'staticToken': {
      // Simulator only: the token comes from the setting the row names (GRAPH_STATIC_TOKEN by default).
      const token = await readReference(tenant, c.secretRef ?? 'GRAPH_STATIC_TOKEN', 'token', deps);
      config = { kind: 'staticToken', token };
      break;
    }
    case 'clientSecret':
      config = {
        kind: 'clientSecret',
        tenantId: tenant.tenantId,
        clientId: c.clientId!,
        clientSecret: await readReference(tenant, c.secretRef!, 'client secret', deps),
        authorityHost,
      };
      break;
    case 'certificate':
      config = {
        kind: 'certificate',
        tenantId: tenant.tenantId,
        clientId: c.clientId!,
        certificatePem: await readReference(tenant, c.certificateRef!, 'certificate', deps),
        authorityHost,
      };
      break;
    case 'clientAssertion':
      config = {
        kind: 'clientAssertion',
        tenantId: tenant.tenantId,
        clientId: c.clientId!,
        managedIdentityClientId,
        authorityHost,
      };
      break;
    case 'managedIdentity':
      config = { kind: 'managedIdentity', clientId: c.clientId };
      break;
  }
  return { credential: createTokenCredential(config), clientId: c.clientId, fingerprint };
}
