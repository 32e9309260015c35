import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { resetGraphClients } from '../../shared/config/graphConfig';
import { runScenario } from './runScenario';
import type { SimulatorAdmin, SimulatorEndpoint } from './simulatorAdmin';
import type { WorkerRequest, WorkerResult } from './types';
import { RESULT_PREFIX } from './worker';

/** Runs one scenario of the project and reports what it measured. */
export interface ProjectRunner {
  run(request: WorkerRequest): Promise<WorkerResult & { processSeconds?: number }>;
}

/** The project's configuration env for a run against `simulator` with storage `storage`. */
export function projectEnv(
  simulator: SimulatorEndpoint,
  storage: string,
  request: WorkerRequest,
): Record<string, string> {
  return {
    AzureWebJobsStorage: storage,
    GRAPH_BASE_URL: simulator.baseUrl,
    GRAPH_CA_CERT_FILE: simulator.caCertFile,
    GRAPH_STATIC_TOKEN: simulator.token,
    ENTRA_BACKUP_TASK_HUB: request.taskHub,
    ENTRA_BACKUP_READ_STRATEGY: request.scenario === 'baselineBackup' ? 'baseline' : 'optimized',
  };
}

/**
 * What `npm run bench` uses: a fresh `node worker.js` per run (compiled JS next to this file), so
 * the project's memory and start-up are its own and nothing is shared with the bench or simulator.
 */
export function spawnedProjectRunner(options: {
  workerScript: string;
  simulator: SimulatorEndpoint;
  storage: string;
  log?: (line: string) => void;
}): ProjectRunner {
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, [options.workerScript, JSON.stringify(request)], {
          env: { ...process.env, ...projectEnv(options.simulator, options.storage, request) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => {
          stderr = (stderr + d.toString('utf8')).slice(-8000);
        });
        child.once('error', reject);
        child.once('exit', (code) => {
          const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
          if (!line) {
            reject(
              new Error(`bench worker exited ${code} without a result:\n${stderr.slice(-2000)}`),
            );
            return;
          }
          if (stderr.trim()) options.log?.(`worker stderr (tail): ${stderr.trim().slice(-500)}`);
          const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as WorkerResult;
          resolve({ ...result, processSeconds: (performance.now() - started) / 1000 });
        });
      }),
  };
}

/**
 * The same scenario logic in this process (smoke test: no build needed). The env is switched for
 * the run and put back afterwards; Graph clients are rebuilt so they see it.
 */
export function inProcessProjectRunner(options: {
  simulator: SimulatorEndpoint;
  storage: string;
  admin?: SimulatorAdmin;
}): ProjectRunner {
  return {
    async run(request) {
      const env = projectEnv(options.simulator, options.storage, request);
      const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
      Object.assign(process.env, env);
      resetGraphClients();
      try {
        return await runScenario(request, { admin: options.admin });
      } finally {
        for (const [key, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
        resetGraphClients();
      }
    },
  };
}
