import { createHash } from 'node:crypto';
import { startBackupHarness, type BackupHarness } from '../../support/backupHarness';
import { solidPng } from '../../simulator/generator/catalogue';
import type { SnapshotRecord } from '../../../shared/modules/types';
import {
  applyWaveSlice,
  planRestore,
  renderPlan,
  savePlan,
  verifyRestore,
  type ApplyResult,
  type PlanAction,
  type RestorePlan,
  type RestoreRequest,
} from '../../../shared/restore';
import { formatBytes } from '../../../shared/restore/plan/renderPlan';

/**
 * Issue 6: branding images are written back. The demo tenant's default branding and fr-FR carry
 * a bannerLogo and a squareLogo; an admin replaces one image, deletes a localization and adds an
 * image the backup never had. The restore uploads the backed-up bytes and converges.
 */

const MODULE = 'organizationalBranding';
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('restore of branding images (stream properties)', () => {
  let harness: BackupHarness;
  let snapshotId: string;
  let records: Map<string, SnapshotRecord>;
  let localizations: string;

  beforeAll(async () => {
    harness = await startBackupHarness({ preset: 'demo' });
    localizations = `/organization/${harness.tenantId}/branding/localizations`;
    const summary = await harness.backup({ modules: [MODULE], full: true });
    expect(summary.status).toBe('succeeded');
    snapshotId = summary.snapshotId!;
    const store = harness.runtime.services.store;
    const manifest = (await store.readManifest(harness.tenantId, snapshotId))!;
    records = new Map();
    for await (const record of store.readModuleRecords(manifest, MODULE)) {
      records.set(record.id, record);
    }
  });
  afterAll(() => harness.stop());

  async function applyAll(plan: RestorePlan): Promise<ApplyResult[]> {
    const deps = { graph: harness.graph, store: harness.runtime.services.store };
    const results: ApplyResult[] = [];
    for (const wave of plan.waves) {
      let cursor: number | undefined = 0;
      while (cursor !== undefined) {
        const slice = await applyWaveSlice(deps, plan.tenantId, plan.planId, wave.index, cursor, 5);
        results.push(...slice.results);
        cursor = slice.nextCursor;
      }
    }
    return results;
  }

  it('uploads changed and missing images from the backup and converges', async () => {
    const deps = { graph: harness.graph, store: harness.runtime.services.store };
    const graph = harness.graph;
    const backupDefault = records.get('0')!;
    const backupFr = records.get('fr-FR')!;
    expect(Object.keys(backupDefault.binaries ?? {}).sort()).toEqual(['bannerLogo', 'squareLogo']);
    expect(Object.keys(backupFr.binaries ?? {}).sort()).toEqual(['bannerLogo', 'squareLogo']);
    expect(records.get('de-DE')!.binaries).toBeUndefined();

    // An admin replaces the default banner, deletes fr-FR and gives de-DE a logo.
    const otherBanner = solidPng(245, 36, [200, 30, 30]);
    await graph.putBinary(`${localizations}/0/bannerLogo`, otherBanner, 'image/png');
    await graph.request({ method: 'DELETE', url: `${localizations}/fr-FR` });
    await graph.putBinary(
      `${localizations}/de-DE/squareLogo`,
      solidPng(240, 240, [1, 2, 3]),
      'image/png',
    );

    const request: RestoreRequest = {
      tenantId: harness.tenantId,
      source: { kind: 'snapshot', snapshotId },
      selection: { modules: [MODULE] },
      relationshipMode: 'merge',
      caPolicyLossMode: 'block',
    };
    harness.simulator.resetCounters();
    const plan = await planRestore(deps, request, 'binary-plan-1', new Date());
    expect(harness.simulator.counters().writes).toBe(0);
    const again = await planRestore(deps, request, 'binary-plan-2', new Date());
    expect(again.hash).toBe(plan.hash);

    const actions = plan.waves.flatMap((w) => w.actions);
    const uploads = actions.filter((a) => a.kind === 'putBinary');
    const byId = new Map<string, PlanAction>(uploads.map((a) => [a.actionId, a]));
    expect([...byId.keys()].sort()).toEqual([
      `${MODULE}:0:putBinary:bannerLogo`,
      `${MODULE}:fr-FR:putBinary:bannerLogo`,
      `${MODULE}:fr-FR:putBinary:squareLogo`,
    ]);
    expect(plan.counts.putBinary).toBe(3);

    const banner = byId.get(`${MODULE}:0:putBinary:bannerLogo`)!;
    expect(banner.method).toBe('PUT');
    expect(banner.path).toBe(`${localizations}/0/bannerLogo`);
    // The plan names the blob; the bytes never enter it.
    expect(banner.body).toEqual({ ...backupDefault.binaries!.bannerLogo });
    expect(banner.diff).toEqual([
      {
        property: 'bannerLogo',
        before: sha256(otherBanner),
        after: backupDefault.binaries!.bannerLogo.sha256,
      },
    ]);

    // fr-FR is created first; its images go into the id the create records.
    const frCreate = actions.findIndex((a) => a.actionId === `${MODULE}:fr-FR:create`);
    const frLogo = byId.get(`${MODULE}:fr-FR:putBinary:squareLogo`)!;
    expect(frCreate).toBeGreaterThanOrEqual(0);
    expect(actions.indexOf(frLogo)).toBeGreaterThan(frCreate);
    expect(frLogo.path).toContain(`{{id:${MODULE}:fr-FR}}`);
    expect(frLogo.diff![0].before).toBeNull();

    const cleared = plan.warnings.filter((w) => w.code === 'binaryNotCleared');
    expect(cleared.map((w) => w.objectId)).toEqual(['de-DE']);

    const text = renderPlan(plan);
    const size = formatBytes(backupDefault.binaries!.bannerLogo.bytes);
    expect(text).toContain(`upload bannerLogo (${size} image/png), replacing the live one`);
    expect(text).toContain('uploads 3');

    await savePlan(deps.store, plan);
    const results = await applyAll(plan);
    expect(results.filter((r) => r.outcome === 'failed')).toEqual([]);

    for (const record of [backupDefault, backupFr]) {
      for (const [name, ref] of Object.entries(record.binaries!)) {
        const live = await graph.getBinary(`${localizations}/${record.id}/${name}`);
        expect({ name, id: record.id, sha: live && sha256(live.data) }).toEqual({
          name,
          id: record.id,
          sha: ref.sha256,
        });
        expect(live!.contentType).toBe(ref.contentType);
      }
    }

    const verify = await verifyRestore(deps, harness.tenantId, plan.planId);
    expect(verify.residual).toEqual([]);
    const second = await planRestore(deps, request, 'binary-plan-3', new Date());
    expect(second.waves.flatMap((w) => w.actions)).toEqual([]);
    expect(second.counts.putBinary).toBe(0);

    // A retried slice uploads the same bytes again without harm.
    const retried = await applyWaveSlice(deps, plan.tenantId, plan.planId, 0, 0, 100);
    const retriedUploads = retried.results.filter((r) => r.actionId.includes(':putBinary:'));
    expect(retriedUploads.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });
});
