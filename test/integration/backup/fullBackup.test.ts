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

describe.each(['demo', 'M'] as const)('full backup of the %s tenant', (preset) => {
  let harness: BackupHarness;
  beforeAll(async () => {
    harness = await startBackupHarness({ preset });
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
      // Differences are collected and asserted once per module: a tenant has many objects.
      const differences: string[] = [];
      const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
      for (const want of expected) {
        const got = byId.get(want.id)!;
        for (const [property, value] of Object.entries(got.object)) {
          if (!same(value, want.object[property] ?? null)) {
            differences.push(
              `${want.id}.${property}: ${JSON.stringify(value)} ≠ ${JSON.stringify(want.object[property])}`,
            );
          }
        }
        for (const [name, ids] of Object.entries(want.relationships)) {
          if (!same(got.relationships?.[name] ?? [], ids))
            differences.push(`${want.id} ${name} links differ`);
        }
        for (const [name, children] of Object.entries(want.children)) {
          const gotIds = (got.children?.[name] ?? []).map((c) => c.id).sort();
          if (!same(gotIds, children.map((c) => c.id).sort()))
            differences.push(`${want.id} ${name} children differ`);
        }
      }
      expect({ module: module.id, differences: differences.slice(0, 20) }).toEqual({
        module: module.id,
        differences: [],
      });
    }
  });
});
