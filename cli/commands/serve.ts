import type { Command } from 'commander';
import { startLocalHttpServer } from '../../local/httpServer';
import { emit } from '../output';
import { startLocalRuntime } from '../localRuntime';
import { globalOptions, run } from '../run';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API on loopback with the local Durable runner (no Functions host)')
    .option('--port <port>', 'port (0 = any free port)', '7071')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const runtime = await startLocalRuntime();
        const server = await startLocalHttpServer({ port: Number(options.port) });
        emit(options, { url: server.url }, () => `entra-backup API listening on ${server.url}/api`);
        await new Promise<void>((resolve) => {
          const shutdown = (): void => resolve();
          process.once('SIGINT', shutdown);
          process.once('SIGTERM', shutdown);
        });
        await server.stop();
        await runtime.stop();
      }),
    );
}
