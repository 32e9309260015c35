import { randomBytes, randomUUID } from 'node:crypto';
import { createBlobServiceClient } from '../../../shared/config/storage';
import type { SnapshotRecord } from '../../../shared/modules/types';
import { chunkPath, manifestPath } from '../../../shared/snapshots/blobLayout';
import { ManifestExistsError, SnapshotIntegrityError } from '../../../shared/snapshots/errors';
import type { ChunkInfo, SnapshotManifest } from '../../../shared/snapshots/manifest';
import { newSnapshotId } from '../../../shared/snapshots/snapshotId';
import { SnapshotStore } from '../../../shared/snapshots/snapshotStore';

const store = new SnapshotStore(
  createBlobServiceClient(),
  `snapstore-${randomBytes(4).toString('hex')}`,
);

function user(id: string): SnapshotRecord {
  return { id, object: { id, displayName: `User ${id}` } };
}

function manifestFor(
  tenantId: string,
  snapshotId: string,
  modules: Record<string, ChunkInfo[]>,
  overrides: Partial<SnapshotManifest> = {},
): SnapshotManifest {
  return {
    formatVersion: 1,
    tenantId,
    snapshotId,
    jobId: snapshotId,
    kind: 'full',
    startedAt: '2026-11-23T19:45:00.000Z',
    finishedAt: '2026-11-23T19:46:00.000Z',
    status: 'succeeded',
    modules: Object.fromEntries(
      Object.entries(modules).map(([id, chunks]) => [
        id,
        {
          status: 'succeeded' as const,
          graphVersion: 'v1.0' as const,
          mode: 'full' as const,
          count: chunks.reduce((n, c) => n + c.count, 0),
          chunks,
          warnings: [],
        },
      ]),
    ),
    warnings: [],
    ...overrides,
  };
}

async function collect(gen: AsyncIterable<SnapshotRecord>): Promise<SnapshotRecord[]> {
  const out: SnapshotRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

beforeAll(async () => {
  await store.ensureContainer();
});

describe('SnapshotStore chunks', () => {
  const tenantId = randomUUID();
  const snapshotId = newSnapshotId(new Date('2026-11-23T19:45:00Z'));
  const ref = { tenantId, snapshotId, moduleId: 'users' };

  it('writes and reads a chunk, verifying sha256 and count', async () => {
    const records = [user('1'), user('2'), user('3')];
    const info = await store.writeChunk(ref, 1, records);
    expect(info).toMatchObject({
      name: 'chunk-00001.ndjson.gz',
      count: 3,
      firstId: '1',
      lastId: '3',
    });
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
    const props = await store.container.getBlobClient(chunkPath(ref, info.name)).getProperties();
    expect(props.contentLength).toBe(info.bytes);
    expect(await store.readChunk(ref, info)).toEqual(records);
  });

  it('refuses a chunk whose bytes were changed', async () => {
    const info = await store.writeChunk(ref, 2, [user('4')]);
    const path = chunkPath(ref, info.name);
    const bytes = await store.container.getBlobClient(path).downloadToBuffer();
    bytes[bytes.length - 5] ^= 0xff;
    await store.container.getBlockBlobClient(path).uploadData(bytes);
    const error = await store.readChunk(ref, info).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotIntegrityError);
    expect((error as SnapshotIntegrityError).message).toContain(path);
    expect((error as SnapshotIntegrityError).message).toMatch(/does not match its manifest/);
  });

  it('refuses a chunk whose count differs from the manifest', async () => {
    const info = await store.writeChunk(ref, 3, [user('6'), user('7')]);
    await expect(store.readChunk(ref, { ...info, count: 3 })).rejects.toThrow(
      /holds 2 records, its manifest says 3/,
    );
  });

  it('reuses a retried chunk with the same bytes and never overwrites one with other bytes', async () => {
    const first = await store.writeChunk(ref, 10, [user('10')]);
    const etag = (await store.container.getBlobClient(chunkPath(ref, first.name)).getProperties())
      .etag;
    expect(await store.writeChunk(ref, 10, [user('10')])).toEqual(first);
    const changed = await store.writeChunk(ref, 10, [user('10'), user('11')]);
    expect(changed.name).toBe(`chunk-00010-${changed.sha256.slice(0, 12)}.ndjson.gz`);
    const props = await store.container.getBlobClient(chunkPath(ref, first.name)).getProperties();
    expect(props.etag).toBe(etag);
    expect(await store.readChunk(ref, first)).toEqual([user('10')]);
    expect(await store.readChunk(ref, changed)).toEqual([user('10'), user('11')]);
    expect(await store.writeChunk(ref, 10, [user('10'), user('11')])).toEqual(changed);
  });

  it('reports a missing chunk blob by name', async () => {
    const info = await store.writeChunk(ref, 4, [user('8')]);
    await store.container.getBlobClient(chunkPath(ref, info.name)).delete();
    const error = await store.readChunk(ref, info).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotIntegrityError);
    expect((error as Error).message).toBe(
      `Snapshot blob ${store.containerName}/${chunkPath(ref, info.name)} is missing`,
    );
  });
});

describe('SnapshotStore module records', () => {
  it('streams chunks in order and merges an object split across chunks', async () => {
    const tenantId = randomUUID();
    const snapshotId = newSnapshotId(new Date('2026-11-24T00:00:00Z'));
    const ref = { tenantId, snapshotId, moduleId: 'groups' };
    const group = (members: string[], object: Record<string, unknown> = {}): SnapshotRecord => ({
      id: 'big',
      object,
      relationships: { members },
    });
    const chunks = [
      await store.writeChunk(ref, 1, [
        user('a'),
        group(['m1', 'm2'], { id: 'big', displayName: 'Big' }),
      ]),
      await store.writeChunk(ref, 2, [group(['m2', 'm3'])]),
      await store.writeChunk(ref, 3, [group(['m4']), user('z')]),
    ];
    const manifest = manifestFor(tenantId, snapshotId, { groups: chunks });
    const records = await collect(store.readModuleRecords(manifest, 'groups'));
    expect(records.map((r) => r.id)).toEqual(['a', 'big', 'z']);
    expect(records[1]).toEqual({
      id: 'big',
      object: { id: 'big', displayName: 'Big' },
      relationships: { members: ['m1', 'm2', 'm3', 'm4'] },
    });
    expect(await collect(store.readModuleRecords(manifest, 'notInSnapshot'))).toEqual([]);
  });
});

describe('SnapshotStore manifests', () => {
  it('lists only snapshots with a manifest, newest first, and refuses to overwrite one', async () => {
    const tenantId = randomUUID();
    const older = newSnapshotId(new Date('2026-11-20T10:00:00Z'));
    const newer = newSnapshotId(new Date('2026-11-21T10:00:00Z'));
    const uncommitted = newSnapshotId(new Date('2026-11-22T10:00:00Z'));
    const chunkOf = async (snapshotId: string) =>
      store.writeChunk({ tenantId, snapshotId, moduleId: 'users' }, 1, [user('u1'), user('u2')]);

    const olderChunk = await chunkOf(older);
    const newerChunk = await chunkOf(newer);
    await chunkOf(uncommitted);
    expect(await store.listSnapshots(tenantId)).toEqual([]);
    expect(await store.readManifest(tenantId, uncommitted)).toBeUndefined();

    await store.writeManifest(manifestFor(tenantId, older, { users: [olderChunk] }));
    await store.writeManifest(
      manifestFor(
        tenantId,
        newer,
        { users: [newerChunk] },
        { status: 'finishedWithExceptions', kind: 'incremental', basedOnSnapshotId: older },
      ),
    );

    const list = await store.listSnapshots(tenantId);
    expect(list.map((s) => s.snapshotId)).toEqual([newer, older]);
    expect(list[0]).toMatchObject({
      tenantId,
      status: 'finishedWithExceptions',
      kind: 'incremental',
      basedOnSnapshotId: older,
      objects: 2,
      modules: 1,
      failedModules: 0,
    });

    expect((await store.latestSnapshot(tenantId))?.snapshotId).toBe(newer);
    expect((await store.latestSnapshot(tenantId, { succeededOnly: true }))?.snapshotId).toBe(older);
    expect(await store.readManifest(tenantId, older)).toEqual(
      manifestFor(tenantId, older, { users: [olderChunk] }),
    );

    // A replayed commit writes the same bytes: it succeeds and leaves the blob as it was.
    await store.writeManifest(manifestFor(tenantId, older, { users: [olderChunk] }));
    const again = store.writeManifest(manifestFor(tenantId, older, { users: [] }));
    await expect(again).rejects.toBeInstanceOf(ManifestExistsError);
    await expect(again).rejects.toThrow(
      /already exists; a committed snapshot cannot be overwritten/,
    );
    expect((await store.readManifest(tenantId, older))?.modules.users.count).toBe(2);
  });

  it('lists a manifest that has no summary metadata by reading it', async () => {
    const tenantId = randomUUID();
    const snapshotId = newSnapshotId(new Date('2026-11-25T00:00:00Z'));
    const body = JSON.stringify(manifestFor(tenantId, snapshotId, {}));
    await store.container
      .getBlockBlobClient(manifestPath(tenantId, snapshotId))
      .upload(body, Buffer.byteLength(body));
    expect(await store.listSnapshots(tenantId)).toEqual([
      expect.objectContaining({ snapshotId, status: 'succeeded', objects: 0, modules: 0 }),
    ]);
  });

  it('refuses an invalid manifest before writing anything', async () => {
    const tenantId = randomUUID();
    const snapshotId = newSnapshotId(new Date());
    const bad = {
      ...manifestFor(tenantId, snapshotId, {}),
      formatVersion: 2,
    } as unknown as SnapshotManifest;
    await expect(store.writeManifest(bad)).rejects.toThrow(
      /Invalid snapshot manifest: formatVersion/,
    );
    expect(await store.readManifest(tenantId, snapshotId)).toBeUndefined();
  });

  it('deletes a snapshot: manifest first, then its chunks', async () => {
    const tenantId = randomUUID();
    const snapshotId = newSnapshotId(new Date());
    const ref = { tenantId, snapshotId, moduleId: 'users' };
    const chunks = [
      await store.writeChunk(ref, 1, [user('1')]),
      await store.writeChunk(ref, 2, [user('2')]),
    ];
    await store.writeManifest(manifestFor(tenantId, snapshotId, { users: chunks }));
    expect(await store.deleteSnapshot(tenantId, snapshotId)).toEqual({ deletedBlobs: 3 });
    expect(await store.listSnapshots(tenantId)).toEqual([]);
    expect(await store.latestSnapshot(tenantId)).toBeUndefined();
  });
});

describe('SnapshotStore work area', () => {
  it('writes, reads and deletes a job’s temporary blobs without touching other jobs', async () => {
    const tenantId = randomUUID();
    await store.writeWorkBlob(tenantId, 'job1', 'users/changes-00001.json', [{ id: 'x' }]);
    await store.writeWorkBlob(tenantId, 'job1', 'state.json', { phase: 'read' });
    await store.writeWorkBlob(tenantId, 'job1-users', 'state.json', { other: true });
    expect(await store.readWorkBlob(tenantId, 'job1', 'users/changes-00001.json')).toEqual([
      { id: 'x' },
    ]);
    expect(await store.readWorkBlob(tenantId, 'job1', 'missing.json')).toBeUndefined();
    expect(await store.deleteWork(tenantId, 'job1')).toEqual({ deletedBlobs: 2 });
    expect(await store.readWorkBlob(tenantId, 'job1', 'state.json')).toBeUndefined();
    expect(await store.readWorkBlob(tenantId, 'job1-users', 'state.json')).toEqual({ other: true });
    // Work data lives in the work container, never in the (write-once) snapshots container.
    const inSnapshots = store.container.listBlobsFlat({ prefix: `tenants/${tenantId}/` });
    expect((await inSnapshots.next()).done).toBe(true);
    const inWork = store.workContainer.listBlobsFlat({ prefix: `tenants/${tenantId}/` });
    expect((await inWork.next()).value?.name).toBe(
      `tenants/${tenantId}/work/job1-users/state.json`,
    );
  });
});
