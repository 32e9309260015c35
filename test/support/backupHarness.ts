import { randomUUID } from 'node:crypto';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator';
import { generateTenant, type TenantPreset } from '../simulator/generator';
import { resetGraphClients } from '../../shared/config/graphConfig';
import { registerTenant } from '../../shared/tenants/registerTenant';
import { backupInstanceId, startBackup } from '../../shared/backup/startBackup';
import type { BackupSummary } from '../../shared/backup/backupJobTypes';
import { startLocalRuntime, type LocalRuntime } from '../../cli/localRuntime';
import { GraphApi } from '../../shared/graph/graphApi';
import { createTokenCredential } from '../../shared/graph/credentials';
import {
  decideRestore,
  restoreInstanceId,
  startRestore,
} from '../../shared/restore/job/startRestore';
import { waitForPlan } from '../../shared/restore/job/restoreView';
import type { RestoreOutcome } from '../../shared/restore/job/restoreJob';
import type { RestoreRequest } from '../../shared/restore/restoreTypes';

/**
 * A tenant in the simulator, the local runtime (real orchestrations through the durable replay
 * engine) and Azurite from the global setup: what backup and restore integration tests share.
 */
export interface BackupHarness {
  tenantId: string;
  simulator: RunningSimulator;
  runtime: LocalRuntime;
  graph: GraphApi;
  backup(options?: { modules?: string[]; full?: boolean }): Promise<BackupSummary>;
  /**
   * Runs a restore through the real orchestration: a dry run ends after planning; otherwise the
   * plan is confirmed with its hash, as an admin would, and applied.
   */
  restore(
    request: Omit<RestoreRequest, 'tenantId'>,
    options?: { dryRun?: boolean },
  ): Promise<RestoreOutcome>;
  stop(): Promise<void>;
}

export async function startBackupHarness(
  options: {
    preset?: TenantPreset;
    seed?: number;
    simulator?: Omit<SimulatorOptions, 'state'>;
  } = {},
): Promise<BackupHarness> {
  const tenantId = randomUUID();
  const simulator = await startSimulator({
    ...options.simulator,
    state: generateTenant({ preset: options.preset ?? 'demo', seed: options.seed ?? 1, tenantId }),
  });
  process.env.GRAPH_BASE_URL = simulator.baseUrl;
  process.env.GRAPH_CA_CERT_FILE = simulator.caCertFile;
  process.env.GRAPH_STATIC_TOKEN = simulator.token;
  resetGraphClients();
  // Each harness drives its own task hub: parallel test files must not resume each other's work.
  const runtime = await startLocalRuntime({
    taskHub: `t${tenantId.replace(/-/g, '').slice(0, 12)}`,
  });
  await registerTenant(runtime.services, tenantId, 'Test tenant');
  const graph = new GraphApi({
    baseUrl: simulator.baseUrl,
    credential: createTokenCredential({ kind: 'staticToken', token: simulator.token }),
    caCertPem: simulator.caCertPem,
  });
  return {
    tenantId,
    simulator,
    runtime,
    graph,
    async backup(backupOptions = {}) {
      await startBackup(runtime.services, runtime.runner, {
        tenantId,
        modules: backupOptions.modules,
        full: backupOptions.full,
        requestedBy: 'test',
      });
      const status = await runtime.runner.waitForCompletion(backupInstanceId(tenantId), {
        timeoutMs: 110_000,
      });
      if (status.runtimeStatus !== 'Completed') {
        throw new Error(`backup ended ${status.runtimeStatus}: ${JSON.stringify(status.output)}`);
      }
      return status.output as BackupSummary;
    },
    async restore(request, restoreOptions = {}) {
      const dryRun = restoreOptions.dryRun ?? false;
      const { services, runner } = runtime;
      const { restoreId } = await startRestore(services, runner, {
        tenantId,
        request,
        dryRun,
        requestedBy: 'test',
      });
      if (!dryRun) {
        const view = await waitForPlan(services, runner, restoreId);
        await decideRestore(services, runner, restoreId, {
          action: 'confirm',
          planHash: view.planHash!,
          by: 'test',
        });
      }
      const status = await runner.waitForCompletion(restoreInstanceId(restoreId), {
        timeoutMs: 100_000,
      });
      return status.output as RestoreOutcome;
    },
    async stop() {
      await runtime.stop();
      await simulator.stop();
    },
  };
}
