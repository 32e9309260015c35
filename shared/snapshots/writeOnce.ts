import type { BlobHTTPHeaders, ContainerClient } from '@azure/storage-blob';
import { statusOf } from '../state/entityCodec';
import { sha256Hex } from './chunkCodec';

export type WriteOnceOutcome = 'created' | 'alreadyThere' | 'taken';

/**
 * Writes a blob only if none exists (`If-None-Match: *`), so a committed snapshot blob is never
 * overwritten and an immutability policy never refuses our writes. When the blob is already there
 * (a retried activity, a replayed commit) its bytes are hashed: the same sha256 is the same write
 * (`alreadyThere`); different bytes are `taken` and the caller picks another name.
 */
export async function writeOnce(
  container: ContainerClient,
  name: string,
  data: Uint8Array,
  options: { headers: BlobHTTPHeaders; metadata?: Record<string, string> },
): Promise<WriteOnceOutcome> {
  try {
    await container.getBlockBlobClient(name).upload(data, data.byteLength, {
      conditions: { ifNoneMatch: '*' },
      blobHTTPHeaders: options.headers,
      metadata: options.metadata,
    });
    return 'created';
  } catch (error) {
    const status = statusOf(error);
    if (status !== 409 && status !== 412) throw error;
  }
  const existing = await container.getBlobClient(name).downloadToBuffer();
  return sha256Hex(existing) === sha256Hex(data) ? 'alreadyThere' : 'taken';
}
