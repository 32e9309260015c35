#!/usr/bin/env node
import { Command } from 'commander';
import { registerAuditCommand } from './commands/audit';
import { registerBackupCommand } from './commands/backup';
import { registerDownloadCommand } from './commands/download';
import { registerJobsCommand } from './commands/jobs';
import { registerModulesCommand } from './commands/modules';
import { registerObjectsCommand } from './commands/objects';
import { registerPermissionsCommand } from './commands/permissions';
import { registerRestoreCommand } from './commands/restore';
import { registerSchedulesCommand } from './commands/schedules';
import { registerScopeCommand } from './commands/scope';
import { registerServeCommand } from './commands/serve';
import { registerSimulatorCommand } from './commands/simulator';
import { registerSnapshotsCommand } from './commands/snapshots';
import { registerTenantsCommand } from './commands/tenants';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('entra-backup')
    .description('Backup and restore of Microsoft Entra ID tenant configuration')
    .option('--json', 'machine-readable output')
    .showHelpAfterError();
  registerTenantsCommand(program);
  registerScopeCommand(program);
  registerSchedulesCommand(program);
  registerBackupCommand(program);
  registerJobsCommand(program);
  registerAuditCommand(program);
  registerSnapshotsCommand(program);
  registerObjectsCommand(program);
  registerDownloadCommand(program);
  registerRestoreCommand(program);
  registerModulesCommand(program);
  registerPermissionsCommand(program);
  registerSimulatorCommand(program);
  registerServeCommand(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .then(() => {
      // Storage and HTTP agents keep sockets open: leave once the command has finished.
      process.exit(process.exitCode ?? 0);
    });
}
