import { chunkPath } from '../../../shared/snapshots/blobLayout';
import { DEFAULT_SNAPSHOT_CONTAINER } from '../../../shared/snapshots/snapshotStore';
import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { installWormGuard, type WormGuard } from '../../support/wormGuard';

/**
 * Immutability (WORM): with a guard on every Blob request, a full backup, an incremental one,
 * a replayed commit and a restore plan never overwrite or delete a blob of the snapshots
 * container, which is what a version-level immutability policy would refuse. Azurite does not
 * enforce immutability policies, so the guard stands in for it.
 */
describe('snapshot blobs are written once', () => {
  let guard: WormGuard;
  let harness: BackupHarness;
  beforeAll(async () => {
    guard = installWormGuard((name) => name === DEFAULT_SNAPSHOT_CONTAINER);
    harness = await startBackupHarness({ preset: 'demo', seed: 3 });
  });
  afterAll(async () => {
    guard.remove();
    await harness.stop();
  });

  it('backs up, backs up incrementally, replays a commit and plans a restore without one overwrite or delete', async () => {
    const modules = ['users', 'groups', 'organizationalBranding', 'conditionalAccessPolicies'];
    const first = await harness.backup({ modules });
    expect(first.status).toBe('succeeded');
    const users = await harness.graph.getAll<{ id: string }>('/users?$select=id&$top=5');
    await harness.graph.request({
      method: 'PATCH',
      url: `/users/${users[0].id}`,
      body: { jobTitle: 'Changed for the WORM test' },
    });
    const second = await harness.backup({ modules });
    expect(second.status).toBe('succeeded');
    const store = harness.runtime.services.store;
    const manifest = (await store.readManifest(harness.tenantId, second.snapshotId!))!;
    expect(manifest.kind).toBe('incremental');

    // A replayed commit and a replayed chunk write find their own bytes and succeed.
    await store.writeManifest(manifest);
    const ref = { tenantId: harness.tenantId, snapshotId: manifest.snapshotId, moduleId: 'users' };
    const chunk = manifest.modules.users.chunks[0];
    const records = await store.readChunk(ref, chunk);
    expect(await store.writeChunk(ref, 1, records)).toEqual(chunk);

    const outcome = await harness.restore(
      {
        source: { kind: 'snapshot', snapshotId: first.snapshotId! },
        selection: {},
        relationshipMode: 'merge',
        caPolicyLossMode: 'block',
      },
      { dryRun: true },
    );
    expect(outcome).toBeDefined();

    expect(guard.violations).toEqual([]);
    expect(guard.createOnlyWrites).toBeGreaterThan(4);

    // The guard itself refuses an overwrite: the assertion above can fail.
    const overwrite = store.container
      .getBlockBlobClient(chunkPath(ref, chunk.name))
      .uploadData(Buffer.from('x'));
    await expect(overwrite).rejects.toThrow(/WORM guard refused PUT/);
    expect(guard.violations).toEqual([`PUT snapshots/${chunkPath(ref, chunk.name)}`]);
    expect(await store.readChunk(ref, chunk)).toEqual(records);
  });
});
