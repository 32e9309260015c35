import { createHash } from 'node:crypto';
import type { GraphApi } from '../../../../shared/graph/graphApi';
import { forTenant } from '../../../../shared/modules/tenantPaths';
import type { ModuleDefinition, SnapshotRecord } from '../../../../shared/modules/types';
import type { SnapshotStore } from '../../../../shared/snapshots/snapshotStore';
import { applyAction } from '../../../../shared/restore/apply/applier';
import {
  planBinaryActions,
  type BinarySources,
} from '../../../../shared/restore/plan/binaryActions';
import type { ObjectState } from '../../../../shared/restore/plan/objectStates';
import { assembleWaves, buildPlan } from '../../../../shared/restore/plan/planAssembly';
import { PlanDraft } from '../../../../shared/restore/plan/planDraft';
import { renderPlan } from '../../../../shared/restore/plan/renderPlan';
import type { PlanAction, RestoreRequest } from '../../../../shared/restore/restoreTypes';

const TENANT = '11111111-2222-3333-4444-555555555555';
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

const LOGO = Buffer.from('backed-up logo bytes');
const CSS = Buffer.from('body { color: red }');

// As the planner hands it over: `{tenantId}` already filled in (forTenantCatalog).
const brandings: ModuleDefinition = forTenant(
  {
    id: 'brandings',
    displayName: 'Brandings',
    category: 'Organization',
    graphVersion: 'v1.0',
    kind: 'collection',
    listPath: '/org/{tenantId}/brandings',
    itemPath: '/org/{tenantId}/brandings/{id}',
    relationships: [],
    children: [],
    readOnlyProperties: ['id'],
    references: [],
    restore: { kind: 'createOrUpdate', updatePath: '/org/{tenantId}/brandings/{id}' },
    dependsOn: [],
    permissions: { read: [], write: [] },
    caveats: [],
    callerChosenId: true,
    binaryProperties: [
      { name: 'logo', path: '/org/{tenantId}/brandings/{id}/logo', contentType: 'image/png' },
      { name: 'css', path: '/org/{tenantId}/brandings/{id}/css', contentType: 'text/css' },
    ],
  },
  TENANT,
);

const blobOf = (id: string, name: string): string =>
  `tenants/${TENANT}/snapshots/s1/brandings/binaries/${id}/${name}`;

function record(id: string, streams: Record<string, Buffer>, contentType = 'image/png') {
  const binaries: SnapshotRecord['binaries'] = {};
  for (const [name, data] of Object.entries(streams)) {
    binaries[name] = {
      blob: blobOf(id, name),
      sha256: sha256(data),
      bytes: data.length,
      contentType,
    };
  }
  return { id, object: { id }, binaries } satisfies SnapshotRecord;
}

function state(rec: SnapshotRecord, status: ObjectState['status']): ObjectState {
  return {
    module: brandings,
    record: rec,
    status,
    liveId: status === 'absent' ? undefined : rec.id,
    live: status === 'absent' ? undefined : { id: rec.id },
  };
}

/** Live streams by path; every blob exists unless listed as missing. */
function sources(live: Record<string, Buffer>, missingBlobs: string[] = []) {
  const reads: string[] = [];
  const fake: BinarySources = {
    readLive: (path) => {
      reads.push(path);
      return Promise.resolve(live[path]);
    },
    blobExists: (blob) => Promise.resolve(!missingBlobs.includes(blob)),
  };
  return { fake, reads };
}

const path = (id: string, name: string): string => `/org/${TENANT}/brandings/${id}/${name}`;

async function plan(states: ObjectState[], src: BinarySources, draft = new PlanDraft()) {
  await planBinaryActions(src, TENANT, brandings, states, draft);
  return draft;
}

describe('planBinaryActions', () => {
  it('uploads a missing or different stream and leaves an equal one alone', async () => {
    const rec = record('en-US', { logo: LOGO, css: CSS });
    const { fake, reads } = sources({
      [path('en-US', 'logo')]: Buffer.from('another logo'),
      [path('en-US', 'css')]: CSS,
    });
    const draft = await plan([state(rec, 'present')], fake);
    expect(reads.sort()).toEqual([path('en-US', 'css'), path('en-US', 'logo')]);
    expect(draft.actions).toHaveLength(1);
    const [action] = draft.actions;
    expect(action).toMatchObject({
      actionId: 'brandings:en-US:putBinary:logo',
      kind: 'putBinary',
      method: 'PUT',
      path: path('en-US', 'logo'),
      body: rec.binaries.logo,
      diff: [
        { property: 'logo', before: sha256(Buffer.from('another logo')), after: sha256(LOGO) },
      ],
    });
    expect([...action.dependsOn]).toEqual([]);
    expect(draft.warnings).toEqual([]);

    const missing = await plan([state(rec, 'present')], sources({}).fake);
    expect(missing.actions.map((a) => [a.actionId, a.diff![0].before])).toEqual([
      ['brandings:en-US:putBinary:logo', null],
      ['brandings:en-US:putBinary:css', null],
    ]);
  });

  it('plans nothing when every stream equals the backup', async () => {
    const rec = record('en-US', { logo: LOGO });
    const { fake } = sources({ [path('en-US', 'logo')]: LOGO });
    const draft = await plan([state(rec, 'present')], fake);
    expect(draft.actions).toEqual([]);
    expect(draft.warnings).toEqual([]);
  });

  it('uploads into a re-created object after its create, through its placeholder', async () => {
    const rec = record('fr-FR', { logo: LOGO });
    const draft = new PlanDraft();
    draft.add({
      moduleId: 'brandings',
      objectId: 'fr-FR',
      kind: 'create',
      method: 'POST',
      path: '/org/x/brandings',
      recordsId: 'brandings:fr-FR',
      dependsOn: new Set(),
    });
    const { fake, reads } = sources({});
    await plan([state(rec, 'absent')], fake, draft);
    expect(reads).toEqual([]);
    const upload = draft.actions.find((a) => a.kind === 'putBinary')!;
    expect(upload.path).toBe(`/org/${TENANT}/brandings/{{id:brandings:fr-FR}}/logo`);
    expect([...upload.dependsOn]).toEqual(['brandings']);

    const waves = assembleWaves([['brandings']], draft.actions);
    expect(waves[0].actions.map((a) => a.kind)).toEqual(['create', 'putBinary']);
  });

  it('skips objects that are absent and not created', async () => {
    const rec = record('de-DE', { logo: LOGO });
    const draft = await plan([state(rec, 'absent')], sources({}).fake);
    expect(draft.actions).toEqual([]);
  });

  it('uploads into an object restored from deleted items without reading it first', async () => {
    const rec = record('it-IT', { logo: LOGO });
    const { fake, reads } = sources({});
    const draft = await plan([state(rec, 'deleted')], fake);
    expect(reads).toEqual([]);
    expect(draft.actions.map((a) => [a.path, [...a.dependsOn]])).toEqual([
      [path('it-IT', 'logo'), ['brandings']],
    ]);
  });

  it('warns instead of clearing a stream the backup does not have', async () => {
    const rec: SnapshotRecord = { id: 'en-US', object: { id: 'en-US' } };
    const { fake } = sources({ [path('en-US', 'css')]: CSS });
    const draft = await plan([state(rec, 'present')], fake);
    expect(draft.actions).toEqual([]);
    expect(draft.warnings.map((w) => [w.code, w.objectId])).toEqual([
      ['binaryNotCleared', 'en-US'],
    ]);
  });

  it('does not upload blobs that are missing or belong to another tenant', async () => {
    const rec = record('en-US', { logo: LOGO, css: CSS });
    rec.binaries.css = { ...rec.binaries.css, blob: 'tenants/other/snapshots/s1/x/css' };
    const { fake } = sources({}, [blobOf('en-US', 'logo')]);
    const draft = await plan([state(rec, 'present')], fake);
    expect(draft.actions).toEqual([]);
    expect(draft.warnings.map((w) => w.code)).toEqual(['binaryUnavailable', 'binaryUnavailable']);
  });

  it('sends the definition content type when the backup recorded only octet-stream', async () => {
    const rec = record('en-US', { logo: LOGO }, 'application/octet-stream');
    const draft = await plan([state(rec, 'present')], sources({}).fake);
    expect((draft.actions[0].body as { contentType: string }).contentType).toBe('image/png');
  });

  it('is counted, rendered readably and hashed deterministically', async () => {
    const rec = record('en-US', { logo: Buffer.alloc(12_595, 1) });
    const build = async () => {
      const draft = await plan([state(rec, 'present')], sources({}).fake);
      const req: RestoreRequest = {
        tenantId: TENANT,
        source: { kind: 'snapshot', snapshotId: 's1' },
        selection: {},
        relationshipMode: 'merge',
        caPolicyLossMode: 'block',
      };
      const waves = assembleWaves([['brandings']], draft.actions);
      return buildPlan(req, 'p', new Date(), waves, draft.warnings, draft.noop);
    };
    const first = await build();
    expect(first.counts.putBinary).toBe(1);
    expect((await build()).hash).toBe(first.hash);
    const text = renderPlan(first);
    expect(text).toContain('UPLOAD brandings en-US — logo is not set');
    expect(text).toContain('upload logo (12.3 KB image/png)');
    expect(text).toContain('uploads 1');
  });
});

describe('applyAction putBinary', () => {
  const ref = {
    blob: blobOf('en-US', 'logo'),
    sha256: sha256(LOGO),
    bytes: LOGO.length,
    contentType: 'image/png',
  };
  const action: PlanAction = {
    actionId: 'brandings:en-US:putBinary:logo',
    moduleId: 'brandings',
    objectId: 'en-US',
    kind: 'putBinary',
    method: 'PUT',
    path: '/org/t/brandings/{{id:brandings:en-US}}/logo',
    body: ref,
  };
  const puts: unknown[][] = [];
  const graph = {
    putBinary: (...args: unknown[]) => {
      puts.push(args);
      return Promise.resolve();
    },
  } as unknown as GraphApi;
  const store = {
    readBinary: (r: typeof ref) =>
      Promise.resolve(r.sha256 === ref.sha256 ? LOGO : Buffer.alloc(0)),
  } as unknown as SnapshotStore;
  const idMap = { 'brandings:en-US': { id: 'en-US' } };
  const persist = (): Promise<void> => Promise.resolve();

  beforeEach(() => (puts.length = 0));

  it('reads the backed-up bytes and PUTs them with their content type', async () => {
    const result = await applyAction(graph, action, idMap, persist, { store, tenantId: TENANT });
    expect(result.outcome).toBe('succeeded');
    expect(puts).toEqual([['/org/t/brandings/en-US/logo', LOGO, 'image/png', 'v1.0']]);
  });

  it('fails clearly without a store or with a blob of another tenant', async () => {
    const noStore = await applyAction(graph, action, idMap, persist);
    expect(noStore).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/store/) });
    const foreign = await applyAction(graph, action, idMap, persist, {
      store,
      tenantId: '99999999-2222-3333-4444-555555555555',
    });
    expect(foreign).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/tenant/) });
    expect(puts).toEqual([]);
  });
});
