import type { RunningSimulator } from '../simulator';
import { resetGraphClients } from '../../shared/config/graphConfig';
import { runCli } from './cliRunner';

/** Points the CLI at the simulator, on a task hub of the tenant's own. */
export function useSimulatorFromCli(simulator: RunningSimulator, tenantId: string): void {
  process.env.GRAPH_BASE_URL = simulator.baseUrl;
  process.env.GRAPH_CA_CERT_FILE = simulator.caCertFile;
  process.env.GRAPH_STATIC_TOKEN = simulator.token;
  process.env.ENTRA_BACKUP_TASK_HUB = `rt${tenantId.replace(/-/g, '').slice(0, 12)}`;
  resetGraphClients();
}

/** `tenants add` and a full `backup` through the CLI; the snapshot id. */
export async function registerAndBackUp(tenantId: string, name: string): Promise<string> {
  const added = await runCli('tenants', 'add', tenantId, '--name', name);
  if (added.code !== 0) throw new Error(`tenants add: ${added.stderr}`);
  const backup = await runCli('--json', 'backup', '--tenant', tenantId);
  if (backup.code !== 0) throw new Error(`backup exit ${backup.code}: ${backup.stdout}`);
  return JSON.parse(backup.stdout).snapshotId as string;
}

export interface CliRestoreRun {
  /** The dry run's readable plan and the writes the simulator saw during it. */
  planText: string;
  planWrites: number;
  /** `restore apply --yes --json`: exit code and outcome. */
  code: number;
  outcome: {
    status: string;
    failures: unknown[];
    residual: number;
    applied?: { succeeded: number; failed: number; skipped: number };
  };
  /** Writes during the apply by `METHOD status`, and those Graph answered with 4xx/5xx. */
  writeResults: Record<string, number>;
  rejected: Array<[string, number]>;
  /** What a plan made right after the apply would still write. */
  secondPlan: Record<string, number>;
}

/** restore plan (dry run), restore apply --yes, then a second plan — all through the CLI. */
export async function restoreWithCli(
  simulator: RunningSimulator,
  tenantId: string,
  snapshotId: string,
): Promise<CliRestoreRun> {
  const source = ['--tenant', tenantId, '--snapshot', snapshotId];
  simulator.resetCounters();
  const plan = await runCli('restore', 'plan', ...source);
  if (plan.code !== 0) throw new Error(`restore plan exit ${plan.code}: ${plan.stderr}`);
  const planWrites = simulator.counters().writes;

  simulator.resetCounters();
  const applied = await runCli('--json', 'restore', 'apply', ...source, '--yes');
  const writeResults = simulator.counters().writeResults;
  const rejected = Object.entries(writeResults).filter(([key]) => Number(key.split(' ')[1]) >= 400);

  const again = await runCli('--json', 'restore', 'plan', ...source);
  const counts = JSON.parse(again.stdout).counts as Record<string, number>;
  const secondPlan: Record<string, number> = {};
  for (const kind of Object.keys(NOTHING_TO_DO)) secondPlan[kind] = counts[kind];
  return {
    planText: plan.stdout,
    planWrites,
    code: applied.code,
    outcome: JSON.parse(applied.stdout),
    writeResults,
    rejected,
    secondPlan,
  };
}

/** The plan counts that are writes, each at 0: a plan with nothing left to do. */
export const NOTHING_TO_DO = {
  restoreDeleted: 0,
  create: 0,
  update: 0,
  addLink: 0,
  removeLink: 0,
  createChild: 0,
  deleteChild: 0,
  putBinary: 0,
};
