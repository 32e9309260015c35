import { performance } from 'node:perf_hooks';
import { startLocalRuntime, type LocalRuntime } from '../../cli/localRuntime';
import {
  ACTIVE_STATUSES,
  type OrchestrationClient,
  type OrchestrationStatus,
} from '../../shared/api/orchestrationClient';
import { backupInstanceId, startBackup } from '../../shared/backup/startBackup';
import type { BackupSummary } from '../../shared/backup/backupJobTypes';
import { registerTenant } from '../../shared/tenants/registerTenant';
import {
  decideRestore,
  restoreInstanceId,
  startRestore,
} from '../../shared/restore/job/startRestore';
import type { RestoreOutcome, RestoreProgress } from '../../shared/restore/job/restoreJob';
import { tenantBlobBytes } from './blobUsage';
import type { SimulatorAdmin } from './simulatorAdmin';
import {
  workerRequestSchema,
  type PhaseMark,
  type WorkerRequest,
  type WorkerResult,
} from './types';

/** No single benchmark operation may run longer than this (an L baseline takes minutes, not hours). */
const OPERATION_TIMEOUT_MS = 3 * 3600_000;

/**
 * One benchmark run inside the project process: the real local runtime (functions/index.ts on the
 * local Durable runner, Azurite from AzureWebJobsStorage, Graph from GRAPH_BASE_URL), one operation
 * started the way the API starts it, waited for, and measured. The bench spawns a process per
 * run (worker.ts); the smoke test calls this in-process.
 */
export async function runScenario(
  request: WorkerRequest,
  deps: { admin?: SimulatorAdmin } = {},
): Promise<WorkerResult> {
  const input = workerRequestSchema.parse(request);
  const runtime = await startLocalRuntime({ taskHub: input.taskHub });
  let started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  try {
    const { services } = runtime;
    await registerTenant(services, input.tenantId, 'Benchmark tenant');
    const blobsBefore = await tenantBlobBytes(services.store, input.tenantId);
    started = performance.now();
    const result: Omit<WorkerResult, 'peakRssBytes'> =
      input.scenario === 'restorePlan' || input.scenario === 'restoreApply'
        ? await runRestore(runtime, input, elapsed, deps.admin)
        : await runBackup(runtime, input);
    result.wallSeconds = elapsed();
    result.blobBytesWritten = (await tenantBlobBytes(services.store, input.tenantId)) - blobsBefore;
    return { ...result, peakRssBytes: peakRssBytes() };
  } catch (error) {
    return {
      scenario: input.scenario,
      wallSeconds: elapsed(),
      blobBytesWritten: 0,
      objects: 0,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      peakRssBytes: peakRssBytes(),
    };
  } finally {
    await runtime.stop();
  }
}

/** process.resourceUsage().maxRSS is in kilobytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

type ParsedRequest = ReturnType<typeof workerRequestSchema.parse>;

async function runBackup(
  runtime: LocalRuntime,
  input: ParsedRequest,
): Promise<Omit<WorkerResult, 'peakRssBytes'>> {
  const started = await startBackup(runtime.services, runtime.runner, {
    tenantId: input.tenantId,
    modules: input.modules.length ? input.modules : undefined,
    full: input.scenario !== 'incrementalBackup',
    requestedBy: 'bench',
  });
  const status = await pollUntilDone(
    runtime.runner,
    backupInstanceId(input.tenantId),
    input.pollMs,
  );
  const summary = status.output as BackupSummary | undefined;
  if (status.runtimeStatus !== 'Completed' || !summary) {
    throw new Error(`backup ended ${status.runtimeStatus}: ${JSON.stringify(status.output)}`);
  }
  const failedModules = Object.entries(summary.modules)
    .filter(([, m]) => m.status === 'failed')
    .map(([id, m]) => `${id}: ${m.error ?? 'failed'}`);
  return {
    scenario: input.scenario,
    ok: summary.status === 'succeeded',
    error: summary.status === 'succeeded' ? undefined : failedModules.join('; ') || summary.status,
    wallSeconds: 0,
    blobBytesWritten: 0,
    objects: summary.objects,
    snapshotId: started.snapshotId,
    backup: {
      status: summary.status,
      objects: summary.objects,
      failedModules,
      modes: Object.fromEntries(
        Object.entries(summary.modules).map(([id, m]) => [id, m.mode ?? m.status]),
      ),
    },
  };
}

async function runRestore(
  runtime: LocalRuntime,
  input: ParsedRequest,
  elapsed: () => number,
  admin: SimulatorAdmin | undefined,
): Promise<Omit<WorkerResult, 'peakRssBytes'>> {
  if (!input.snapshotId) throw new Error(`${input.scenario} needs a snapshotId`);
  const { services, runner } = runtime;
  const manifest = await services.store.readManifest(input.tenantId, input.snapshotId);
  if (!manifest) throw new Error(`snapshot ${input.snapshotId} not found`);
  const dryRun = input.scenario === 'restorePlan';
  const { restoreId } = await startRestore(services, runner, {
    tenantId: input.tenantId,
    request: {
      source: { kind: 'snapshot', snapshotId: input.snapshotId },
      selection: input.modules.length ? { modules: input.modules } : {},
      relationshipMode: 'merge',
      caPolicyLossMode: 'block',
    },
    dryRun,
    requestedBy: 'bench',
  });
  const phases: PhaseMark[] = [];
  const mark = async (phase: string): Promise<void> => {
    const atSeconds = elapsed();
    phases.push({ phase, atSeconds, counters: admin ? await admin.counters() : undefined });
  };
  let confirmed = false;
  const status = await pollUntilDone(
    runner,
    restoreInstanceId(restoreId),
    input.pollMs,
    async (current) => {
      const progress = (current.customStatus ?? {}) as RestoreProgress;
      if (dryRun || !progress.phase || phases.at(-1)?.phase === progress.phase) return;
      await mark(progress.phase);
      if (progress.phase === 'awaitingConfirmation' && !confirmed && progress.planHash) {
        confirmed = true;
        await decideRestore(services, runner, restoreId, {
          action: 'confirm',
          planHash: progress.planHash,
          by: 'bench',
        });
      }
    },
  );
  if (!dryRun) await mark('finished');
  const outcome = status.output as RestoreOutcome | undefined;
  if (status.runtimeStatus !== 'Completed' || !outcome) {
    throw new Error(`restore ended ${status.runtimeStatus}: ${JSON.stringify(status.output)}`);
  }
  const selected = new Set(input.modules);
  const snapshotObjects = Object.entries(manifest.modules)
    .filter(([id, m]) => (selected.size === 0 || selected.has(id)) && m.status === 'succeeded')
    .reduce((sum, [, m]) => sum + m.count, 0);
  const applied = outcome.applied;
  return {
    scenario: input.scenario,
    ok: outcome.status === 'succeeded',
    error: outcome.status === 'succeeded' ? undefined : (outcome.reason ?? outcome.status),
    wallSeconds: 0,
    blobBytesWritten: 0,
    objects: dryRun
      ? snapshotObjects
      : (applied?.succeeded ?? 0) + (applied?.failed ?? 0) + (applied?.skipped ?? 0),
    snapshotId: input.snapshotId,
    restore: {
      status: outcome.status,
      planHash: outcome.plan?.hash,
      counts: outcome.plan?.counts as unknown as Record<string, number> | undefined,
      applied,
      residual: outcome.residual,
      failures: outcome.failures?.slice(0, 10),
      phases: dryRun ? undefined : phases,
    },
  };
}

/** Polls an orchestration until it leaves the active states, calling `onStatus` on each poll. */
async function pollUntilDone(
  client: OrchestrationClient,
  instanceId: string,
  pollMs: number,
  onStatus?: (status: OrchestrationStatus) => Promise<void>,
): Promise<OrchestrationStatus> {
  const deadline = Date.now() + OPERATION_TIMEOUT_MS;
  for (;;) {
    const status = await client.getStatus(instanceId);
    if (status && !ACTIVE_STATUSES.has(status.runtimeStatus)) return status;
    if (status && onStatus) await onStatus(status);
    if (Date.now() > deadline) throw new Error(`${instanceId} did not finish in time`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
