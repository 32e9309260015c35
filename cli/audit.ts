import os from 'node:os';
import { ZodError } from 'zod';
import { tenantIdSchema } from '../shared/api/schemas/common';
import { isApiError } from '../shared/api/errors';
import { getServices } from '../shared/config/services';
import { GLOBAL_AUDIT_PARTITION } from '../shared/state/auditRepository';
import { EXIT } from './output';
import { globalOptions, run } from './run';

/** Who runs the CLI: the OS account (the CLI has no token; storage access is the credential). */
export const cliActor = (): string => `cli:${os.userInfo().username}`;

type Options = ReturnType<typeof globalOptions>;

export interface CliAuditSubject {
  /** The managed tenant the command changes; a malformed one is filed under `global`. */
  tenantId?: unknown;
  target: string;
}

const OUTCOME: Record<number, string> = {
  [EXIT.ok]: 'succeeded',
  [EXIT.failed]: 'failed',
  [EXIT.badInput]: 'badInput',
  [EXIT.finishedWithExceptions]: 'finishedWithExceptions',
};

/**
 * `run`, plus one audit row per invocation of a mutating command, as the HTTP API writes for its
 * mutating routes: actor, action (`cli <command>`), tenant, target, outcome, host.
 */
export function runAudited<A extends unknown[]>(
  action: string,
  subject: (options: Options, positional: string[]) => CliAuditSubject,
  handler: (...args: A) => Promise<number | void>,
): (...args: A) => Promise<void> {
  return run(async (...args: A) => {
    const options = globalOptions(args[args.length - 1]);
    const positional = args.filter((a): a is string => typeof a === 'string');
    let code: number;
    try {
      code = (await handler(...args)) ?? EXIT.ok;
    } catch (error) {
      const badInput = isApiError(error) ? error.status < 500 : error instanceof ZodError;
      await record(action, subject(options, positional), badInput ? 'badInput' : 'failed', error);
      throw error;
    }
    await record(action, subject(options, positional), OUTCOME[code] ?? String(code));
    return code;
  });
}

async function record(
  action: string,
  subject: CliAuditSubject,
  outcome: string,
  error?: unknown,
): Promise<void> {
  const tenant = tenantIdSchema.safeParse(subject.tenantId);
  try {
    const { audit } = await getServices();
    await audit.record({
      tenantId: tenant.success ? tenant.data.toLowerCase() : GLOBAL_AUDIT_PARTITION,
      actor: cliActor(),
      actorName: os.userInfo().username,
      source: `cli@${os.hostname()}`,
      action: `cli ${action}`,
      target: subject.target.slice(0, 1024),
      outcome,
      details: error ? { error: (error as Error)?.message?.slice(0, 500) } : undefined,
    });
  } catch (auditError) {
    // The command already ran; a lost audit row must at least be visible.
    process.stderr.write(`warning: audit record failed: ${(auditError as Error).message}\n`);
  }
}
