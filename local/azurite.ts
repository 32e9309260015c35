import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './freePort';

/** Azurite's published development account key (not a secret: it is the same everywhere). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteInstance {
  connectionString: string;
  blobPort: number;
  tablePort: number;
  stop(): Promise<void>;
}

function resolveBin(name: 'azurite-blob' | 'azurite-table'): string {
  // Resolve the package's JS entry so we spawn node directly (no shell, no npx download).
  const pkgDir = require.resolve('azurite/package.json').replace(/package\.json$/, '');
  return `${pkgDir}dist/src/${name === 'azurite-blob' ? 'blob' : 'table'}/main.js`;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Azurite did not listen on ${port} in time`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

function startOne(kind: 'blob' | 'table', port: number): ChildProcess {
  const bin = resolveBin(kind === 'blob' ? 'azurite-blob' : 'azurite-table');
  const args = [
    bin,
    `--${kind}Host`,
    '127.0.0.1',
    `--${kind}Port`,
    String(port),
    '--inMemoryPersistence',
    '--skipApiVersionCheck',
    '--loose',
    '--disableTelemetry',
    '--silent',
  ];
  if (kind === 'blob') args.push('--extentMemoryLimit', '4096');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[azurite-${kind}] ${d}`));
  return child;
}

/** Stops a child process: SIGTERM, then SIGKILL after 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Azurite blob + table in memory on free loopback ports. */
export async function startAzurite(): Promise<AzuriteInstance> {
  const blobPort = await freePort();
  const tablePort = await freePort();
  const blob = startOne('blob', blobPort);
  const table = startOne('table', tablePort);
  try {
    await Promise.all([waitForPort(blobPort, 30000), waitForPort(tablePort, 30000)]);
  } catch (error) {
    await Promise.all([stopChild(blob), stopChild(table)]);
    throw error;
  }
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${blobPort}/${DEV_ACCOUNT};` +
    `TableEndpoint=http://127.0.0.1:${tablePort}/${DEV_ACCOUNT};`;
  return {
    connectionString,
    blobPort,
    tablePort,
    stop: async () => {
      await Promise.all([stopChild(blob), stopChild(table)]);
    },
  };
}
