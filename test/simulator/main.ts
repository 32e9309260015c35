#!/usr/bin/env node
import { Command, Option } from 'commander';
import { generateTenant } from './generator';
import { startSimulator } from './index';

/**
 * `node dist/test/simulator/main.js --port N --preset demo|S|M|L [--seed N] [--throttling] [--latency]`
 * Prints one "listening" line, then serves until SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const program = new Command()
    .name('graph-simulator')
    .description('Microsoft Graph tenant simulator (HTTPS on 127.0.0.1)')
    .option('--port <n>', 'port (0 = any free port)', '0')
    .addOption(
      new Option('--preset <name>', 'tenant preset')
        .choices(['demo', 'S', 'M', 'L'])
        .default('demo'),
    )
    .option('--seed <n>', 'generator and fault seed', '1')
    .option('--token <token>', 'bearer token to accept', 'simulator-token')
    .option('--throttling', 'enforce Graph resource-unit and write quotas', false)
    .option('--latency', 'add the latency model (20 ms + 0.05 ms per object)', false)
    .parse(process.argv);
  const opts = program.opts<{
    port: string;
    preset: 'demo' | 'S' | 'M' | 'L';
    seed: string;
    token: string;
    throttling: boolean;
    latency: boolean;
  }>();
  const port = Number(opts.port);
  const seed = Number(opts.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid --port '${opts.port}'`);
  if (!Number.isInteger(seed)) throw new Error(`Invalid --seed '${opts.seed}'`);

  const state = generateTenant({ preset: opts.preset, seed });
  const sim = await startSimulator({
    state,
    port,
    seed,
    token: opts.token,
    throttling: opts.throttling,
    latency: opts.latency ? { baseMs: 20, perObjectMs: 0.05 } : false,
  });
  console.log(
    `Graph simulator listening on ${sim.baseUrl} (token: ${sim.token}, CA: ${sim.caCertFile})`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    void sim.stop().then(() => {
      console.log(`Graph simulator stopped (${signal})`);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`graph-simulator: ${(e as Error).message ?? String(e)}`);
  process.exit(1);
});
