import { isSnapshotId, newSnapshotId, parseSnapshotId } from '../../../shared/snapshots/snapshotId';
import {
  chunkName,
  chunkPath,
  manifestPath,
  workBlobPath,
} from '../../../shared/snapshots/blobLayout';

describe('snapshot ids', () => {
  it('encodes the time so that string order is time order', () => {
    const a = newSnapshotId(new Date('2026-11-23T19:45:00.123Z'), 'ab12');
    const b = newSnapshotId(new Date('2026-11-23T19:45:00.124Z'), '0000');
    const c = newSnapshotId(new Date('2027-01-01T00:00:00.000Z'));
    expect(a).toBe('20261123T194500123Z-ab12');
    expect([c, a, b].sort()).toEqual([a, b, c]);
    expect(isSnapshotId(c)).toBe(true);
  });

  it('parses back to the time and suffix', () => {
    const parsed = parseSnapshotId('20261123T194500123Z-ab12');
    expect(parsed.createdAt.toISOString()).toBe('2026-11-23T19:45:00.123Z');
    expect(parsed.suffix).toBe('ab12');
  });

  it('rejects malformed ids and suffixes', () => {
    expect(() => parseSnapshotId('20261323T194500123Z-ab12')).toThrow(/not a snapshot id/);
    expect(() => parseSnapshotId('../../x')).toThrow(/not a snapshot id/);
    expect(isSnapshotId('20261123T194500123Z')).toBe(false);
    expect(() => newSnapshotId(new Date(), 'A/B')).toThrow(/suffix/);
  });
});

describe('blob layout', () => {
  const ref = { tenantId: 't1', snapshotId: '20261123T194500123Z-ab12', moduleId: 'users' };

  it('places manifests, chunks and work blobs under the tenant', () => {
    expect(manifestPath('t1', ref.snapshotId)).toBe(
      'tenants/t1/snapshots/20261123T194500123Z-ab12/manifest.json',
    );
    expect(chunkPath(ref, chunkName(1))).toBe(
      'tenants/t1/snapshots/20261123T194500123Z-ab12/users/chunk-00001.ndjson.gz',
    );
    expect(workBlobPath('t1', 'job1', 'users/changes-00001.json')).toBe(
      'tenants/t1/work/job1/users/changes-00001.json',
    );
  });

  it('refuses segments that could escape the tenant folder', () => {
    expect(() => manifestPath('../other', ref.snapshotId)).toThrow(/tenant id/);
    expect(() => chunkPath({ ...ref, moduleId: 'a/b' }, chunkName(1))).toThrow(/module id/);
    expect(() => workBlobPath('t1', 'job1', 'a/../../b')).toThrow(/work blob name/);
    expect(() => chunkName(0)).toThrow(/positive integer/);
  });
});
