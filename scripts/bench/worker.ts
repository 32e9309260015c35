/**
 * The project side of one benchmark run, in its own process so its peak RSS is its own:
 * `node dist/scripts/bench/worker.js '<WorkerRequest JSON>'` with AzureWebJobsStorage,
 * GRAPH_BASE_URL, GRAPH_CA_CERT_FILE, GRAPH_STATIC_TOKEN and ENTRA_BACKUP_TASK_HUB set.
 * Prints one line `BENCH_RESULT {json}` (a WorkerResult) and exits 0, or 1 when the run failed.
 */
import { readFileSync } from 'node:fs';
import { runScenario } from './runScenario';
import { httpSimulatorAdmin, simulatorGraph, type SimulatorAdmin } from './simulatorAdmin';
import { workerRequestSchema, type WorkerResult } from './types';

export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Reads counters at restore phase changes through the simulator's admin endpoint. */
function adminFromEnv(env: NodeJS.ProcessEnv): SimulatorAdmin | undefined {
  if (!env.GRAPH_BASE_URL || !env.GRAPH_STATIC_TOKEN || !env.GRAPH_CA_CERT_FILE) return undefined;
  return httpSimulatorAdmin(
    simulatorGraph({
      baseUrl: env.GRAPH_BASE_URL,
      token: env.GRAPH_STATIC_TOKEN,
      caCertFile: env.GRAPH_CA_CERT_FILE,
      caCertPem: readFileSync(env.GRAPH_CA_CERT_FILE, 'utf8'),
    }),
  );
}

async function main(): Promise<void> {
  const request = workerRequestSchema.parse(JSON.parse(process.argv[2] ?? 'null'));
  const result: WorkerResult = await runScenario(request, { admin: adminFromEnv(process.env) });
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  process.exitCode = result.ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    // Graph clients keep sockets alive; the run is over once the line is out.
    () => process.exit(),
    (error: unknown) => {
      process.stderr.write(`bench worker failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(2);
    },
  );
}
