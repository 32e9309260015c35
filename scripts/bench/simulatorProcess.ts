import { stopChild } from '../../local/azurite';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { SimulatorEndpoint } from './simulatorAdmin';

export interface SimulatorProcess extends SimulatorEndpoint {
  pid: number | undefined;
  stop(): Promise<void>;
}

const LISTENING = /listening on (https:\/\/\S+) \(token: (\S+), CA: (.+)\)\s*$/;

/**
 * Starts the Graph simulator in its own process (`node <simulatorScript> --preset P --seed N
 * [--throttling] [--latency]`) and waits for its "listening" line, which names URL, token and CA.
 */
export function spawnSimulator(options: {
  simulatorScript: string;
  preset: string;
  seed: number;
  throttling: boolean;
  latency: boolean;
  startTimeoutMs?: number;
}): Promise<SimulatorProcess> {
  const args = [
    options.simulatorScript,
    '--preset',
    options.preset,
    '--seed',
    String(options.seed),
  ];
  if (options.throttling) args.push('--throttling');
  if (options.latency) args.push('--latency');
  // An L tenant holds ~1 GB of JS objects once the backup's delta sessions are in play.
  const child = spawn(process.execPath, ['--max-old-space-size=6144', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`simulator did not start in time: ${stderr.slice(-500)}`));
    }, options.startTimeoutMs ?? 120_000);
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-4000);
    });
    const onEarlyExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`simulator exited ${code} before listening: ${stderr.slice(-500)}`));
    };
    child.once('exit', onEarlyExit);
    let listening = false;
    child.stdout.on('data', (d: Buffer) => {
      if (listening) return;
      stdout += d.toString('utf8');
      const match = stdout
        .split('\n')
        .map((l) => LISTENING.exec(l))
        .find(Boolean);
      if (!match) return;
      listening = true;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      const [, baseUrl, token, caCertFile] = match;
      resolve({
        baseUrl,
        token,
        caCertFile,
        caCertPem: readFileSync(caCertFile, 'utf8'),
        pid: child.pid,
        stop: () => stopChild(child),
      });
    });
  });
}
