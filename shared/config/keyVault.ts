import { CertificateClient } from '@azure/keyvault-certificates';
import { SecretClient } from '@azure/keyvault-secrets';
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { extraCaTlsSettings } from './loopbackTls';

/**
 * Reads tenant credentials kept in Key Vault, through the Function App's managed identity. The
 * small interface is the seam tests use to point the real SDK at a loopback vault.
 */
export interface KeyVaultReader {
  /** A secret's value; throws KeyVaultReadError (with Key Vault's error code) when unusable. */
  getSecret(vaultUrl: string, name: string, version?: string): Promise<KeyVaultSecretValue>;
  /**
   * A certificate with its private key: Key Vault keeps the key in the certificate's backing
   * secret, so the certificate is looked up (enabled? which secret?) and that secret read.
   */
  getCertificate(vaultUrl: string, name: string, version?: string): Promise<KeyVaultSecretValue>;
}

export interface KeyVaultSecretValue {
  value: string;
  contentType?: string;
}

export class KeyVaultReadError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface KeyVaultClientOptions {
  credential?: TokenCredential;
  /** Loopback vaults do not live under vault.azure.net. */
  disableChallengeResourceVerification?: boolean;
}

function codeOf(error: unknown): string {
  const e = error as { code?: unknown; statusCode?: unknown };
  if (typeof e?.code === 'string' && e.code) return e.code;
  if (typeof e?.statusCode === 'number') return `HTTP ${e.statusCode}`;
  return (error as Error)?.name ?? 'Error';
}

export class SdkKeyVaultReader implements KeyVaultReader {
  private readonly secrets = new Map<string, SecretClient>();
  private readonly certificates = new Map<string, CertificateClient>();

  constructor(private readonly options: KeyVaultClientOptions = {}) {}

  private credential(): TokenCredential {
    return (this.options.credential ??= process.env.GRAPH_MANAGED_IDENTITY_CLIENT_ID
      ? new ManagedIdentityCredential({ clientId: process.env.GRAPH_MANAGED_IDENTITY_CLIENT_ID })
      : new ManagedIdentityCredential());
  }

  private clientOptions() {
    return {
      tlsOptions: extraCaTlsSettings(),
      disableChallengeResourceVerification: this.options.disableChallengeResourceVerification,
      retryOptions: { maxRetries: 2 },
    };
  }

  private secretClient(vaultUrl: string): SecretClient {
    let client = this.secrets.get(vaultUrl);
    if (!client) {
      client = new SecretClient(vaultUrl, this.credential(), this.clientOptions());
      this.secrets.set(vaultUrl, client);
    }
    return client;
  }

  async getSecret(vaultUrl: string, name: string, version?: string): Promise<KeyVaultSecretValue> {
    let secret;
    try {
      secret = await this.secretClient(vaultUrl).getSecret(name, version ? { version } : {});
    } catch (error) {
      throw new KeyVaultReadError(
        `Key Vault secret '${name}' in ${vaultUrl} could not be read (${codeOf(error)})`,
        codeOf(error),
      );
    }
    if (secret.properties.enabled === false)
      throw new KeyVaultReadError(
        `Key Vault secret '${name}' in ${vaultUrl} is disabled`,
        'Disabled',
      );
    if (!secret.value)
      throw new KeyVaultReadError(`Key Vault secret '${name}' in ${vaultUrl} is empty`, 'Empty');
    return { value: secret.value, contentType: secret.properties.contentType };
  }

  async getCertificate(
    vaultUrl: string,
    name: string,
    version?: string,
  ): Promise<KeyVaultSecretValue> {
    let client = this.certificates.get(vaultUrl);
    if (!client) {
      client = new CertificateClient(vaultUrl, this.credential(), this.clientOptions());
      this.certificates.set(vaultUrl, client);
    }
    let certificate;
    try {
      certificate = version
        ? await client.getCertificateVersion(name, version)
        : await client.getCertificate(name);
    } catch (error) {
      throw new KeyVaultReadError(
        `Key Vault certificate '${name}' in ${vaultUrl} could not be read (${codeOf(error)})`,
        codeOf(error),
      );
    }
    if (certificate.properties.enabled === false)
      throw new KeyVaultReadError(
        `Key Vault certificate '${name}' in ${vaultUrl} is disabled`,
        'Disabled',
      );
    return this.getSecret(vaultUrl, name, certificate.properties.version);
  }
}

let reader: KeyVaultReader | undefined;

/** The process's Key Vault reader (the SDK with the managed identity unless a test set one). */
export function keyVaultReader(): KeyVaultReader {
  return (reader ??= new SdkKeyVaultReader());
}

/** Tests point the reader at a loopback vault; undefined restores the default. */
export function setKeyVaultReader(next: KeyVaultReader | undefined): void {
  reader = next;
}
