import type { Command } from 'commander';
import { startSimulator } from '../../test/simulator';
import { generateTenant, TENANT_PRESETS, type TenantPreset } from '../../test/simulator/generator';
import { emit } from '../output';
import { globalOptions, run } from '../run';

export function registerSimulatorCommand(program: Command): void {
  program
    .command('simulator')
    .description('Run the Microsoft Graph tenant simulator on loopback (for evaluation and tests)')
    .option('--port <port>', 'port (0 = any free port)', '0')
    .option('--preset <name>', "demo, S, M, L or docs (Microsoft's example payloads)", 'demo')
    .option('--seed <n>', 'generator seed', '1')
    .option('--throttling', "enforce Graph's throttling budget")
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const preset = String(options.preset) as TenantPreset;
        if (!TENANT_PRESETS.includes(preset)) throw new Error(`unknown preset ${preset}`);
        const simulator = await startSimulator({
          state: generateTenant({ preset, seed: Number(options.seed) }),
          port: Number(options.port),
          throttling: Boolean(options.throttling),
        });
        emit(
          options,
          {
            baseUrl: simulator.baseUrl,
            tenantId: simulator.tenantId,
            caCertFile: simulator.caCertFile,
          },
          () =>
            [
              `Graph simulator listening on ${simulator.baseUrl} (tenant ${simulator.tenantId})`,
              `  export GRAPH_BASE_URL=${simulator.baseUrl}`,
              `  export GRAPH_CA_CERT_FILE=${simulator.caCertFile}`,
              `  export GRAPH_STATIC_TOKEN=${simulator.token}`,
            ].join('\n'),
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await simulator.stop();
      }),
    );
}
