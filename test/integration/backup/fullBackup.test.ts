import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { expectedRecords } from '../../support/expectedRecords';
import { ALL_MODULES } from '../../../shared/modules';
import type { SnapshotRecord } from '../../../shared/modules/types';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

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

  // Every module of an M tenant takes minutes when the machine is shared: more than jest's default.
  it('holds every simulator object with identical content, and the manifest is the commit marker', async () => {
    // Every module of the catalogue: the expectations are derived from the module's own paths.
    const summary = await harness.backup({ modules: ALL_MODULES.map((m) => m.id) });
    const failed = Object.entries(summary.modules).filter(([, m]) => m.status === 'failed');
    expect({ status: summary.status, failed, warnings: summary.warnings }).toEqual({
      status: 'succeeded',
      failed: [],
      warnings: expect.any(Array),
    });
    expect(summary.snapshotId).toBeDefined();
    const state = harness.simulator.exportState();
    // Differences are collected per module and asserted once: a tenant has many objects.
    const problems: Record<string, string[]> = {};
    for (const module of ALL_MODULES) {
      const { manifest, records } = await readAll(harness, summary.snapshotId!, module.id);
      // An app-only backup cannot read a delegated-only type: it is skipped, saying why.
      const expected = module.delegatedOnly ? [] : expectedRecords(state, module.id);
      if (module.delegatedOnly) {
        expect({ module: module.id, status: summary.modules[module.id].status }).toEqual({
          module: module.id,
          status: 'skipped',
        });
        expect(expectedRecords(state, module.id).length).toBeGreaterThan(0);
      }
      const differences: string[] = [];
      const gotIds = records.map((r) => r.id).sort();
      const wantIds = expected.map((e) => e.id).sort();
      if (!same(gotIds, wantIds))
        differences.push(`ids ${gotIds.join(',')} ≠ ${wantIds.join(',')}`);
      if (manifest.modules[module.id].count !== expected.length)
        differences.push(
          `manifest count ${manifest.modules[module.id].count} ≠ ${expected.length}`,
        );
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const want of expected) {
        const got = byId.get(want.id);
        if (!got) continue;
        for (const [property, value] of Object.entries(got.object)) {
          if (!same(value, want.object[property] ?? null)) {
            differences.push(
              `${want.id}.${property}: ${JSON.stringify(value)} ≠ ${JSON.stringify(want.object[property])}`,
            );
          }
        }
        for (const [name, ids] of Object.entries(want.relationships)) {
          if (!same([...(got.relationships?.[name] ?? [])].sort(), ids))
            differences.push(`${want.id} ${name} links differ`);
        }
        for (const [name, children] of Object.entries(want.children)) {
          const gotChildren = (got.children?.[name] ?? []).map((c) => c.id).sort();
          if (!same(gotChildren, children.map((c) => c.id).sort()))
            differences.push(`${want.id} ${name} children differ`);
        }
      }
      if (differences.length > 0) problems[module.id] = differences.slice(0, 5);
    }
    expect(problems).toEqual({});
  }, 360_000);
});
