import type { GraphApi } from '../../shared/graph/graphApi';
import { resourceUnitQuota } from '../../test/simulator/runtime/counters';
import { countersBetween, floorSeconds, ratio, writeFloorSeconds } from './floor';
import type { ProjectRunner } from './projectRunners';
import { simulatedTenantId, type SimulatorAdmin } from './simulatorAdmin';
import { breakTenantForRestore, churnTenant } from './tenantChanges';
import {
  SCENARIOS,
  SCENARIO_LABELS,
  type ChangeLog,
  type PresetResult,
  type RunRecord,
  type ScenarioId,
  type TenantSize,
  type WorkerResult,
} from './types';

export interface PresetBenchOptions {
  preset: string;
  seed: number;
  throttling: boolean;
  latency: boolean;
  /** Modules backed up and restored (empty = the tenant's scope, i.e. every module). */
  modules: string[];
  /** The bench's own Graph client on the simulator (changes, sizes) and its admin surface. */
  graph: GraphApi;
  admin: SimulatorAdmin;
  project: ProjectRunner;
  /** Share of the snapshot's objects changed before the incremental and the restore apply. */
  changeShare?: number;
  /**
   * Pause after the bench's own Graph traffic so the run starts with a refilled resource-unit
   * bucket (its window is 10 s), as a scheduled job after a quiet period would.
   */
  settleMs?: number;
  /** Runs to make (default all); the full backup always runs, the others build on it. */
  scenarios?: readonly ScenarioId[];
  log?: (line: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The five runs of one preset against one simulator, in order: full backup, 1% churn then an
 * incremental backup, a dry-run plan of the whole (incremental) snapshot, 1% breakage then plan +
 * confirm + apply, and the baseline full backup. Counters are reset before and read after each run.
 */
export async function runPresetBench(options: PresetBenchOptions): Promise<PresetResult> {
  const log = options.log ?? (() => undefined);
  const share = options.changeShare ?? 0.01;
  const settle = async (): Promise<void> => {
    if (options.settleMs) await sleep(options.settleMs);
  };
  const graph = options.graph;
  const tenantId = await simulatedTenantId(graph);
  const tenant = await tenantSize(graph);
  const ruQuota = resourceUnitQuota(tenant.users);
  const hubSuffix = Date.now().toString(36);
  let runIndex = 0;

  const measure = async (scenario: ScenarioId, snapshotId?: string): Promise<RunRecord> => {
    await settle();
    log(`${options.preset}: ${SCENARIO_LABELS[scenario]} …`);
    await options.admin.resetCounters();
    const worker = await options.project.run({
      scenario,
      tenantId,
      modules: options.modules,
      snapshotId,
      taskHub: `bench${options.preset}${runIndex++}${hubSuffix}`,
    });
    const counters = await options.admin.counters();
    const record = toRecord(options.preset, worker, counters, ruQuota, options.latency);
    log(
      `${options.preset}: ${record.label}: ${record.ok ? 'ok' : `FAILED (${record.error})`}, ` +
        `${record.wallSeconds.toFixed(1)} s, ${record.graphRequests} requests, ` +
        `${record.resourceUnits} RU, floor ${record.floorSeconds.toFixed(1)} s`,
    );
    return record;
  };

  const runs: RunRecord[] = [];
  const full = await measure('fullBackup');
  runs.push(full);
  if (!full.worker.snapshotId || full.worker.backup?.status === 'failed') {
    throw new Error(`${options.preset}: the full backup failed: ${full.error ?? 'no snapshot'}`);
  }
  tenant.snapshotObjects = full.objects;
  const target = Math.max(1, Math.ceil(full.objects * share));

  const wanted = new Set(options.scenarios ?? SCENARIOS);
  let churn: ChangeLog = { target, made: {}, total: 0 };
  let latest = full.worker.snapshotId;
  if (wanted.has('incrementalBackup')) {
    log(`${options.preset}: changing ${target} objects through Graph (churn) …`);
    churn = await churnTenant(graph, target, options.seed);
    const incremental = await measure('incrementalBackup');
    runs.push(incremental);
    latest = incremental.worker.snapshotId ?? latest;
  }
  if (wanted.has('restorePlan')) runs.push(await measure('restorePlan', latest));
  let breakage: ChangeLog = { target, made: {}, total: 0 };
  if (wanted.has('restoreApply')) {
    log(`${options.preset}: breaking ${target} objects through Graph …`);
    breakage = await breakTenantForRestore(graph, target, options.seed);
    runs.push(await measure('restoreApply', latest));
  }
  if (wanted.has('baselineBackup')) runs.push(await measure('baselineBackup'));
  return {
    preset: options.preset,
    seed: options.seed,
    throttling: options.throttling,
    latency: options.latency,
    tenant,
    changes: { churn, breakage },
    runs,
  };
}

async function tenantSize(graph: GraphApi): Promise<TenantSize> {
  const count = async (path: string): Promise<number> =>
    Number(await graph.get(`${path}/$count`, 'v1.0', { ConsistencyLevel: 'eventual' }));
  const [users, groups, applications, servicePrincipals] = await Promise.all([
    count('/users'),
    count('/groups'),
    count('/applications'),
    count('/servicePrincipals'),
  ]);
  return { users, groups, applications, servicePrincipals, snapshotObjects: 0 };
}

export function toRecord(
  preset: string,
  worker: WorkerResult & { processSeconds?: number },
  counters: RunRecord['counters'],
  ruQuota: number,
  latencyOn: boolean,
): RunRecord {
  const wall = worker.wallSeconds;
  const budgetFloor = floorSeconds(counters, ruQuota, false);
  return {
    preset,
    scenario: worker.scenario,
    label: SCENARIO_LABELS[worker.scenario],
    ok: worker.ok,
    error: worker.error,
    wallSeconds: wall,
    graphRequests: counters.totalRequests,
    httpCalls: counters.totalRequests - counters.batchInnerRequests,
    resourceUnits: counters.resourceUnits,
    writes: counters.writes,
    throttled: counters.throttled,
    floorSeconds: counters.floorSeconds,
    wallOverFloor: ratio(wall, counters.floorSeconds),
    budgetFloorSeconds: budgetFloor,
    wallOverBudgetFloor: ratio(wall, budgetFloor),
    peakRssBytes: worker.peakRssBytes,
    blobBytesWritten: worker.blobBytesWritten,
    objects: worker.objects,
    objectsPerSecond: wall > 0 ? worker.objects / wall : 0,
    processSeconds: worker.processSeconds,
    applyPhase: applyPhaseOf(worker, ruQuota, latencyOn),
    worker,
    counters,
  };
}

/** The write phase of a restore apply, from the counters read as it entered and left 'applying'. */
function applyPhaseOf(
  worker: WorkerResult,
  ruQuota: number,
  latencyOn: boolean,
): RunRecord['applyPhase'] {
  const phases = worker.restore?.phases ?? [];
  const start = phases.find((p) => p.phase === 'applying');
  const end = phases.find((p) => p.atSeconds > (start?.atSeconds ?? Infinity) && p.counters);
  if (!start?.counters || !end?.counters) return undefined;
  const work = countersBetween(start.counters, end.counters);
  const wallSeconds = end.atSeconds - start.atSeconds;
  const writeFloor = writeFloorSeconds(work.writes);
  return {
    wallSeconds,
    writes: work.writes,
    resourceUnits: work.resourceUnits,
    throttled: work.throttled,
    writeFloorSeconds: writeFloor,
    floorSeconds: floorSeconds(work, ruQuota, latencyOn),
    writeQuotaUse: ratio(writeFloor, wallSeconds),
  };
}
