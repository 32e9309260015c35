import type { Command } from 'commander';
import { startPortalServer, wantsLocalSignIn } from '../../local/portalServer';
import { emit } from '../output';
import { startLocalRuntime } from '../localRuntime';
import { globalOptions, run } from '../run';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the HTTP API and the admin portal on loopback with the local Durable runner (no Functions host)',
    )
    .option('--port <port>', 'port (0 = any free port)', '7071')
    .option('--portal-dir <dir>', 'built portal to serve (default: dist/portal)')
    .option(
      '--local-sign-in',
      'mint local tokens for the portal even when AUTH_* settings are present',
    )
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const runtime = await startLocalRuntime();
        const localSignIn = Boolean(options.localSignIn) || wantsLocalSignIn();
        const server = await startPortalServer({
          port: Number(options.port),
          portalDir: options.portalDir as string | undefined,
          localSignIn,
        });
        emit(
          options,
          {
            url: server.url,
            portalUrl: server.portalBuilt ? server.portalUrl : undefined,
            localSignIn,
          },
          () =>
            [
              `entra-backup API listening on ${server.url}/api`,
              server.portalBuilt
                ? `Admin portal: ${server.portalUrl}${localSignIn ? ' (local sign-in: tokens minted by this process)' : ''}`
                : `Admin portal not built (${server.portalDir}): run npm run build`,
            ].join('\n'),
        );
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
