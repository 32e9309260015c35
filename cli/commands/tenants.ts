import type { Command } from 'commander';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { getServices } from '../../shared/config/services';
import { registerTenant } from '../../shared/tenants/registerTenant';
import { waitForOnboarding } from '../../shared/onboarding/waitForOnboarding';
import { startOnboarding } from '../../shared/onboarding/onboarding';
import { EXIT, emit, table } from '../output';
import { runAudited } from '../audit';
import { globalOptions, run } from '../run';

export function registerTenantsCommand(program: Command): void {
  const tenants = program.command('tenants').description('Managed tenants');

  tenants
    .command('add <tenantId>')
    .description('Register (or rename) a managed tenant')
    .requiredOption('--name <displayName>', 'display name')
    .action(
      runAudited(
        'tenants add',
        (_o, [id]) => ({ tenantId: id, target: id ?? '' }),
        async (tenantId: string, _opts, command: Command) => {
          const options = globalOptions(command);
          const tenant = await registerTenant(
            await getServices(),
            tenantIdSchema.parse(tenantId),
            String(options.name),
          );
          emit(
            options,
            tenant,
            () => `Registered tenant ${tenant.tenantId} (${tenant.displayName}).`,
          );
        },
      ),
    );

  tenants
    .command('onboard')
    .description(
      "Print Microsoft's admin-consent URL for a new customer tenant and wait until its admin " +
        'has consented (the callback registers the tenant)',
    )
    .option('--name <displayName>', 'display name (default: the organization name in Entra ID)')
    .option('--backup', 'start the first backup as soon as the tenant is registered')
    .option(
      '--redirect-uri <url>',
      'the deployment callback (default ONBOARDING_REDIRECT_URI)',
      process.env.ONBOARDING_REDIRECT_URI,
    )
    .option('--timeout <minutes>', 'how long to wait for the consent', '30')
    .action(
      runAudited(
        'tenants onboard',
        () => ({ target: 'onboarding' }),
        async (_opts, command: Command) => {
          const options = globalOptions(command);
          const redirectUri = options.redirectUri as string | undefined;
          if (!redirectUri)
            throw new Error(
              'Set --redirect-uri or ONBOARDING_REDIRECT_URI to the /api/onboarding/callback URL.',
            );
          const services = await getServices();
          const started = await startOnboarding(services, {
            requestedBy: `cli:${process.env.USER ?? 'unknown'}`,
            displayName: options.name as string | undefined,
            startBackup: Boolean(options.backup),
            redirectUri,
          });
          process.stderr.write(
            `Send this link to the customer's Global Administrator (valid until ${started.expiresAt}):\n`,
          );
          process.stdout.write(`${started.consentUrl}\n`);
          const outcome = await waitForOnboarding(services, started.nonce, {
            timeoutMs: Number(options.timeout) * 60_000,
          });
          emit(options, outcome, () =>
            outcome.status === 'registered'
              ? `Registered tenant ${outcome.tenant!.tenantId} (${outcome.tenant!.displayName}).`
              : outcome.status === 'notRegistered'
                ? 'The consent link was used but no tenant was registered: the admin declined or Microsoft returned an error (shown in their browser).'
                : 'Timed out waiting for the consent.',
          );
          return outcome.status === 'registered' ? EXIT.ok : EXIT.failed;
        },
      ),
    );

  tenants
    .command('list')
    .description('Registered tenants')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const list = await (await getServices()).tenants.list();
        emit(options, list, () =>
          list.length === 0
            ? 'No tenants registered: entra-backup tenants add <tenantId> --name <name>'
            : table(
                ['tenant', 'name', 'credential'],
                list.map((t) => [t.tenantId, t.displayName, t.credential.kind]),
              ),
        );
      }),
    );
}
