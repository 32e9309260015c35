import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { expectedModuleIds, expectedRecords } from '../../support/expectedRecords';
import { ALL_MODULES } from '../../../shared/modules';
import type { SnapshotRecord } from '../../../shared/modules/types';

async function readAll(harness: BackupHarness, snapshotId: string, moduleId: string) {
  const store = harness.runtime.services.store;
  const manifest = await store.readManifest(harness.tenantId, snapshotId);
  if (!manifest) throw new Error('no manifest');
  const records: SnapshotRecord[] = [];
  for await (const record of store.readModuleRecords(manifest, moduleId)) records.push(record);
  return { manifest, records };
}

describe('full backup of the demo tenant', () => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo' });
  });
  afterAll(() => harness.stop());

  it('holds every simulator object with identical content, and the manifest is the commit marker', async () => {
    const summary = await harness.backup({ modules: expectedModuleIds() });
    expect(summary.status).toBe('succeeded');
    expect(summary.snapshotId).toBeDefined();
    const state = harness.simulator.exportState();
    for (const module of ALL_MODULES.filter((m) => expectedModuleIds().includes(m.id))) {
      const { manifest, records } = await readAll(harness, summary.snapshotId!, module.id);
      const expected = expectedRecords(state, module.id);
      expect({ module: module.id, ids: records.map((r) => r.id).sort() }).toEqual({
        module: module.id,
        ids: expected.map((e) => e.id).sort(),
      });
      expect(manifest.modules[module.id].count).toBe(expected.length);
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const want of expected) {
        const got = byId.get(want.id)!;
        for (const [property, value] of Object.entries(got.object)) {
          expect({ module: module.id, id: want.id, property, value }).toEqual({
            module: module.id,
            id: want.id,
            property,
            value: want.object[property] ?? null,
          });
        }
        for (const [name, ids] of Object.entries(want.relationships)) {
          expect({
            module: module.id,
            id: want.id,
            name,
            ids: got.relationships?.[name] ?? [],
          }).toEqual({
            module: module.id,
            id: want.id,
            name,
            ids,
          });
        }
        for (const [name, children] of Object.entries(want.children)) {
          expect({
            module: module.id,
            name,
            ids: (got.children?.[name] ?? []).map((c) => c.id).sort(),
          }).toEqual({
            module: module.id,
            name,
            ids: children.map((c) => c.id).sort(),
          });
        }
      }
    }
  });
});
