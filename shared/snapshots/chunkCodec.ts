import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { SnapshotRecord } from '../modules/types';
import { isSnapshotRecord } from './snapshotRecord';

/** A chunk is NDJSON (one SnapshotRecord per line), gzipped; its sha256 covers the stored bytes. */

export interface EncodedChunk {
  data: Buffer;
  count: number;
  sha256: string;
  bytes: number;
  firstId?: string;
  lastId?: string;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function encodeChunk(records: readonly SnapshotRecord[]): EncodedChunk {
  const ndjson = records.map((record) => `${JSON.stringify(record)}\n`).join('');
  const data = gzipSync(Buffer.from(ndjson, 'utf8'), { level: 6 });
  return {
    data,
    count: records.length,
    sha256: sha256Hex(data),
    bytes: data.length,
    firstId: records[0]?.id,
    lastId: records[records.length - 1]?.id,
  };
}

/** Decodes a chunk; throws a plain Error saying which line is bad (callers add the blob name). */
export function decodeChunk(data: Uint8Array): SnapshotRecord[] {
  let text: string;
  try {
    text = gunzipSync(data).toString('utf8');
  } catch (error) {
    throw new Error(`is not valid gzip (${(error as Error).message})`);
  }
  const records: SnapshotRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`has invalid JSON on line ${i + 1}`);
    }
    if (!isSnapshotRecord(value)) throw new Error(`has a malformed record on line ${i + 1}`);
    records.push(value);
  }
  return records;
}
