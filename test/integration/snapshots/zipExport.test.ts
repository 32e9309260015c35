import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { createBlobServiceClient } from '../../../shared/config/storage';
import type { SnapshotRecord } from '../../../shared/modules/types';
import { SnapshotSelectionError, SnapshotZipError } from '../../../shared/snapshots/errors';
import type { SnapshotManifest } from '../../../shared/snapshots/manifest';
import { newSnapshotId } from '../../../shared/snapshots/snapshotId';
import { SnapshotStore } from '../../../shared/snapshots/snapshotStore';
import {
  readSnapshotZip,
  writeSnapshotZip,
  type ZipSelection,
} from '../../../shared/snapshots/zipExport';

const store = new SnapshotStore(
  createBlobServiceClient(),
  `snapzip-${randomBytes(4).toString('hex')}`,
);
const tenantId = randomUUID();
const snapshotId = newSnapshotId(new Date('2026-11-23T19:45:00Z'));

const users: SnapshotRecord[] = Array.from({ length: 30 }, (_, i) => ({
  id: `user-${String(i).padStart(2, '0')}`,
  object: { id: `user-${i}`, displayName: `User ${i}`, note: 'x'.repeat(200) },
}));
const groups: SnapshotRecord[] = [
  {
    id: 'g1',
    object: { id: 'g1', displayName: 'Group 1' },
    relationships: { members: ['user-01'] },
  },
  // An id that is not a safe file name: the record inside stays the truth.
  { id: 'weird/id:1', object: { id: 'weird/id:1' } },
];
let manifest: SnapshotManifest;

async function zipToBuffer(selection: ZipSelection): Promise<{ files: number; data: Buffer }> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => out.on('end', resolve));
  const result = await writeSnapshotZip(store, manifest, selection, out);
  await done;
  return { files: result.files, data: Buffer.concat(parts) };
}

beforeAll(async () => {
  await store.ensureContainer();
  const ref = (moduleId: string) => ({ tenantId, snapshotId, moduleId });
  const userChunks = [
    await store.writeChunk(ref('users'), 1, users.slice(0, 15)),
    await store.writeChunk(ref('users'), 2, users.slice(15)),
  ];
  const groupChunks = [await store.writeChunk(ref('groups'), 1, groups)];
  const module = (chunks: typeof userChunks, count: number) => ({
    status: 'succeeded' as const,
    graphVersion: 'v1.0' as const,
    mode: 'delta' as const,
    count,
    chunks,
    deltaLink: 'https://graph.example/delta?token=abc',
    warnings: [],
  });
  manifest = {
    formatVersion: 1,
    tenantId,
    snapshotId,
    jobId: 'job-1',
    kind: 'full',
    startedAt: '2026-11-23T19:45:00.000Z',
    finishedAt: '2026-11-23T19:46:00.000Z',
    status: 'succeeded',
    modules: { users: module(userChunks, 30), groups: module(groupChunks, 2) },
    warnings: [],
  };
  await store.writeManifest(manifest);
});

describe('snapshot ZIP export', () => {
  it('exports a whole tenant and reads it back', async () => {
    const { files, data } = await zipToBuffer({});
    expect(files).toBe(33);
    const content = readSnapshotZip(data);
    expect(content.manifest.snapshotId).toBe(snapshotId);
    expect(Object.keys(content.manifest.modules).sort()).toEqual(['groups', 'users']);
    expect(content.manifest.modules.users.chunks).toEqual([]);
    expect(content.manifest.modules.users.deltaLink).toBeUndefined();
    const byId = (a: SnapshotRecord, b: SnapshotRecord) => a.id.localeCompare(b.id);
    expect([...(content.records.get('users') ?? [])].sort(byId)).toEqual(users);
    expect([...(content.records.get('groups') ?? [])].sort(byId)).toEqual([...groups].sort(byId));
  });

  it('exports one module', async () => {
    const { files, data } = await zipToBuffer({ moduleId: 'groups' });
    expect(files).toBe(3);
    const content = readSnapshotZip(data);
    expect(Object.keys(content.manifest.modules)).toEqual(['groups']);
    expect(content.manifest.modules.groups.count).toBe(2);
    expect([...content.records.keys()]).toEqual(['groups']);
  });

  it('exports one object, found in any module', async () => {
    const { files, data } = await zipToBuffer({ objectId: 'user-17' });
    expect(files).toBe(2);
    const content = readSnapshotZip(data);
    expect(content.manifest.modules).toEqual({
      users: expect.objectContaining({ count: 1, chunks: [] }),
    });
    expect(content.records.get('users')).toEqual([users[17]]);
  });

  it('waits for a slow consumer (back-pressure) and still produces a valid archive', async () => {
    const parts: Buffer[] = [];
    let writes = 0;
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _enc, callback) {
        writes++;
        parts.push(chunk);
        setImmediate(callback);
      },
    });
    const finished = new Promise((resolve) => slow.on('finish', resolve));
    const { files } = await writeSnapshotZip(store, manifest, { moduleId: 'users' }, slow);
    await finished;
    expect(files).toBe(31);
    expect(writes).toBeGreaterThan(31);
    expect(readSnapshotZip(Buffer.concat(parts)).records.get('users')).toHaveLength(30);
  });

  it('refuses a selection the snapshot does not hold, before writing', async () => {
    const out = new PassThrough();
    await expect(
      writeSnapshotZip(store, manifest, { moduleId: 'nope' }, out),
    ).rejects.toBeInstanceOf(SnapshotSelectionError);
    await expect(
      writeSnapshotZip(store, manifest, { moduleId: 'groups', objectId: 'user-01' }, out),
    ).rejects.toThrow(/Object user-01 is not in snapshot .* \(module groups\)/);
  });
});

describe('reading uploaded snapshot ZIPs', () => {
  const manifestJson = () =>
    strToU8(JSON.stringify({ ...manifest, modules: { users: manifest.modules.users } }));

  it('rejects data that is not a ZIP', () => {
    expect(() => readSnapshotZip(Buffer.from('not a zip at all'))).toThrow(SnapshotZipError);
  });

  it('rejects an archive over the size limit', () => {
    const data = zipSync({ 'manifest.json': manifestJson() });
    expect(() => readSnapshotZip(data, { maxBytes: 10 })).toThrow(/limit is 10/);
    const big = zipSync({
      'manifest.json': manifestJson(),
      'users/a.json': new Uint8Array(100_000),
    });
    expect(() => readSnapshotZip(big, { maxUncompressedBytes: 50_000 })).toThrow(
      /expands to more than/,
    );
  });

  it('rejects a missing or invalid manifest', () => {
    expect(() => readSnapshotZip(zipSync({ 'users/a.json': strToU8('{}') }))).toThrow(
      /no manifest.json/,
    );
    const bad = zipSync({ 'manifest.json': strToU8(JSON.stringify({ formatVersion: 1 })) });
    expect(() => readSnapshotZip(bad)).toThrow(/Invalid snapshot manifest.json: tenantId/);
  });

  it('rejects records that are malformed or belong to an unlisted module', () => {
    const record = strToU8(JSON.stringify(users[0]));
    const cases: Array<[Record<string, Uint8Array>, RegExp]> = [
      [{ 'users/a.json': strToU8('{"id": 1}') }, /users\/a.json is not a snapshot record: id/],
      [{ 'users/a.json': strToU8('{') }, /not valid JSON/],
      [{ 'groups/a.json': record }, /module groups, which the manifest does not list/],
      [{ '../evil.json': record }, /Unexpected entry/],
      [{ 'users/a.json': record, 'users/b.json': record }, /holds object user-00 twice/],
    ];
    for (const [files, message] of cases) {
      const data = zipSync({ 'manifest.json': manifestJson(), ...files });
      expect(() => readSnapshotZip(data)).toThrow(message);
    }
  });
});
