import { gzipSync } from 'node:zlib';
import { decodeChunk, encodeChunk, sha256Hex } from '../../../shared/snapshots/chunkCodec';
import type { SnapshotRecord } from '../../../shared/modules/types';

describe('chunk codec', () => {
  const records: SnapshotRecord[] = [
    { id: 'a', object: { id: 'a', displayName: 'line\nbreak \u2028 ünïcode' } },
    {
      id: 'b',
      object: { id: 'b' },
      relationships: { members: ['x', 'y'] },
      children: { c: [{ n: 1 }] },
    },
  ];

  it('round-trips records as gzipped NDJSON with sha256 of the stored bytes', () => {
    const encoded = encodeChunk(records);
    expect(encoded.count).toBe(2);
    expect(encoded.bytes).toBe(encoded.data.length);
    expect(encoded.sha256).toBe(sha256Hex(encoded.data));
    expect(encoded.firstId).toBe('a');
    expect(encoded.lastId).toBe('b');
    expect(decodeChunk(encoded.data)).toEqual(records);
  });

  it('says which line is broken', () => {
    const bad = gzipSync(Buffer.from('{"id":"a","object":{}}\n{"id":\n'));
    expect(() => decodeChunk(bad)).toThrow(/line 2/);
    const wrongShape = gzipSync(Buffer.from('{"id":"a"}\n'));
    expect(() => decodeChunk(wrongShape)).toThrow(/malformed record on line 1/);
    expect(() => decodeChunk(Buffer.from('not gzip'))).toThrow(/gzip/);
  });
});
