import { BlobServiceClient } from '@azure/storage-blob';
import { TableClient } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';

/** The Functions host's own storage setting; local runs fall back to Azurite's default endpoints. */
export const STORAGE_SETTING = 'AzureWebJobsStorage';
const DEVELOPMENT_STORAGE = 'UseDevelopmentStorage=true';

export function getStorageConnectionString(): string {
  const value = process.env[STORAGE_SETTING]?.trim();
  return value ? value : DEVELOPMENT_STORAGE;
}

/**
 * Identity-based connection (`AzureWebJobsStorage__blobServiceUri` / `__tableServiceUri` /
 * `__accountName`), used by Flex Consumption apps with a managed identity and no account key.
 * Only consulted when no connection string is set.
 */
function identityServiceUri(service: 'blob' | 'table'): string | undefined {
  if (process.env[STORAGE_SETTING]?.trim()) return undefined;
  const explicit = process.env[`${STORAGE_SETTING}__${service}ServiceUri`]?.trim();
  if (explicit) return explicit;
  const account = process.env[`${STORAGE_SETTING}__accountName`]?.trim();
  return account ? `https://${account}.${service}.core.windows.net` : undefined;
}

function connectionStringParts(connectionString: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const segment of connectionString.split(';')) {
    const at = segment.indexOf('=');
    if (at > 0) parts.set(segment.slice(0, at).trim().toLowerCase(), segment.slice(at + 1).trim());
  }
  return parts;
}

/** Whether the table endpoint a connection string names is plain HTTP (Azurite). */
export function isInsecureTableEndpoint(connectionString: string): boolean {
  const parts = connectionStringParts(connectionString);
  if (parts.get('usedevelopmentstorage') === 'true') return true;
  const endpoint = parts.get('tableendpoint');
  if (endpoint) return endpoint.toLowerCase().startsWith('http:');
  return parts.get('defaultendpointsprotocol')?.toLowerCase() === 'http';
}

/** A core HTTP pipeline policy, as `@azure/core-rest-pipeline` defines it. */
export interface BlobRequestPolicy {
  name: string;
  sendRequest(
    request: { method: string; url: string; headers: { get(name: string): string | undefined } },
    next: (request: never) => Promise<unknown>,
  ): Promise<unknown>;
}

const extraBlobPolicies: BlobRequestPolicy[] = [];

/**
 * Adds a request policy to every Blob client created afterwards; returns its removal. The WORM
 * test uses it to see every request the code sends to the snapshots container.
 */
export function addBlobRequestPolicy(policy: BlobRequestPolicy): () => void {
  extraBlobPolicies.push(policy);
  return () => {
    const at = extraBlobPolicies.indexOf(policy);
    if (at >= 0) extraBlobPolicies.splice(at, 1);
  };
}

function withExtraPolicies(client: BlobServiceClient): BlobServiceClient {
  if (extraBlobPolicies.length === 0) return client;
  // The client's core pipeline is shared by the container and blob clients it hands out; the
  // SDK exposes it only on its (protected) context, which is why this reaches inside.
  const pipeline = (
    client as unknown as {
      storageClientContext: { pipeline: { addPolicy(policy: BlobRequestPolicy): void } };
    }
  ).storageClientContext.pipeline;
  for (const policy of extraBlobPolicies) pipeline.addPolicy(policy);
  return client;
}

export function createBlobServiceClient(): BlobServiceClient {
  const uri = identityServiceUri('blob');
  if (uri) return withExtraPolicies(new BlobServiceClient(uri, new DefaultAzureCredential()));
  return withExtraPolicies(BlobServiceClient.fromConnectionString(getStorageConnectionString()));
}

export function createTableClient(tableName: string): TableClient {
  const uri = identityServiceUri('table');
  if (uri) return new TableClient(uri, tableName, new DefaultAzureCredential());
  const connectionString = getStorageConnectionString();
  return TableClient.fromConnectionString(connectionString, tableName, {
    allowInsecureConnection: isInsecureTableEndpoint(connectionString),
  });
}
