import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { tenantIdSchema } from '../../shared/api/schemas/common';
import { auditCsv, readAuditLog, visibleAuditPartitions } from '../../shared/audit/auditLog';
import { purgeAuditLog } from '../../shared/audit/auditRetention';
import { getServices } from '../../shared/config/services';
import { runAudited } from '../audit';
import { emit, table } from '../output';
import { globalOptions, run } from '../run';

const isoTime = z.iso.datetime({
  offset: true,
  message: 'times are ISO 8601, e.g. 2026-12-01T00:00:00Z',
});

export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('Audit log: sign-ins and administrative operations (API and CLI), newest first')
    .option('--tenant <tenantId>', 'only this managed tenant')
    .option('--actor <actor>', 'subject, object id, app id or name')
    .option('--action <action>', 'exact action, or a prefix ending in *')
    .option('--since <time>', 'at or after (ISO 8601)')
    .option('--until <time>', 'before (ISO 8601)')
    .option('--limit <n>', 'how many', '100')
    .option('--csv', 'CSV instead of a table')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(
      run(async (_opts, command: Command) => {
        const options = globalOptions(command);
        const services = await getServices();
        const tenantId =
          options.tenant === undefined
            ? undefined
            : tenantIdSchema.parse(options.tenant).toLowerCase();
        const { entries } = await readAuditLog(
          services,
          await visibleAuditPartitions(services, 'all', tenantId),
          {
            actor: options.actor as string | undefined,
            action: options.action as string | undefined,
            since: options.since === undefined ? undefined : new Date(isoTime.parse(options.since)),
            until: options.until === undefined ? undefined : new Date(isoTime.parse(options.until)),
            limit: z.coerce.number().int().min(1).max(10000).parse(options.limit),
          },
        );
        if (options.csv || options.output) {
          const text = options.csv ? auditCsv(entries) : `${JSON.stringify(entries, null, 2)}\n`;
          if (options.output) {
            await writeFile(String(options.output), text);
            emit(
              options,
              { output: options.output, rows: entries.length },
              () => `Wrote ${entries.length} rows to ${String(options.output)}.`,
            );
          } else process.stdout.write(text);
          return;
        }
        emit(options, entries, () =>
          table(
            ['at', 'tenant', 'actor', 'action', 'target', 'outcome', 'source'],
            entries.map((e) => [
              e.at,
              e.tenantId,
              e.actorName ?? e.actor,
              e.action,
              e.target,
              e.outcome,
              e.source,
            ]),
          ),
        );
      }),
    );

  audit
    .command('purge')
    .description(
      'Delete rows older than AUDIT_RETENTION_DAYS (default 90, at least 30), as the daily timer does',
    )
    .action(
      runAudited(
        'audit purge',
        () => ({ target: 'auditLog' }),
        async (_opts, command: Command) => {
          const options = globalOptions(command);
          const result = await purgeAuditLog(await getServices());
          emit(
            options,
            result,
            () => `Deleted ${result.deleted} rows older than ${result.cutoff}.`,
          );
        },
      ),
    );
}
