import type { z } from 'zod';
import type { OrchestrationClient } from '../api/orchestrationClient';
import { describeIssues } from './inputIssues';
import { type OrchestrationContract, OrchestrationInputError } from './orchestration';

/**
 * Typed `startNew`: the input must match the orchestration's schema type; it is parsed here too,
 * so a starter's bug fails at the start (the orchestrator would refuse the same input later).
 */
export async function startOrchestration<S extends z.ZodType>(
  client: OrchestrationClient,
  orchestration: OrchestrationContract<S>,
  options: { instanceId: string; input: z.input<S> },
): Promise<string> {
  const parsed = orchestration.input.safeParse(options.input);
  if (!parsed.success)
    throw new OrchestrationInputError(orchestration.name, describeIssues(parsed.error));
  return client.startNew(orchestration.name, {
    instanceId: options.instanceId,
    input: parsed.data,
  });
}

/**
 * The singleton guard refused `startNew`: an instance with that id is still running (the local
 * runner's InstanceAlreadyRunningError; the Durable extension's "already exists" when host.json
 * sets overridableExistingInstanceStates to NonRunningStates).
 */
export function isInstanceAlreadyRunning(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'InstanceAlreadyRunningError' ||
    /instance .* already (exists|running)|already exists and is (pending|running)/i.test(
      error.message,
    )
  );
}
