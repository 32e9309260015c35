import type { OrchestrationContext, OrchestrationHandler, Task } from 'durable-functions';
import type { z } from 'zod';
import { describeIssues } from './inputIssues';

/** An orchestration started (or called as a sub-orchestration) with an input its schema refuses. */
export class OrchestrationInputError extends Error {
  constructor(
    readonly orchestration: string,
    readonly issues: string,
  ) {
    super(`Orchestration '${orchestration}' refused its input: ${issues}`);
    this.name = 'OrchestrationInputError';
  }
}

/**
 * An orchestration's name and input schema: what a starter (shared/, HTTP, timers) needs to start
 * it typed, without importing the orchestrator function itself.
 */
export interface OrchestrationContract<S extends z.ZodType = z.ZodType, O = unknown> {
  readonly name: string;
  readonly input: S;
  /** Type-level only: what the orchestration returns (never set at run time). */
  readonly output?: O;
}

export interface DefinedOrchestration<
  S extends z.ZodType = z.ZodType,
  O = unknown,
> extends OrchestrationContract<S, O> {
  /** What `df.app.orchestration` registers: validates the input, then runs the generator. */
  readonly handler: OrchestrationHandler;
}

/** The body of an orchestrator: a generator that yields durable Tasks (never awaits, no I/O). */
export type OrchestratorBody<I, O> = (
  context: OrchestrationContext,
  input: I,
) => Generator<Task, O, unknown>;

export function orchestrationContract<S extends z.ZodType, O = unknown>(
  name: string,
  input: S,
): OrchestrationContract<S, O> {
  return { name, input };
}

/**
 * Declares an orchestrator with its input schema. The input is parsed on every replay (a pure
 * function of the recorded input, so determinism holds); a refused input fails the instance
 * with a message naming each invalid field.
 */
export function defineOrchestration<S extends z.ZodType, O>(
  contract: OrchestrationContract<S, O>,
  body: OrchestratorBody<z.output<S>, O>,
): DefinedOrchestration<S, O>;
export function defineOrchestration<S extends z.ZodType, O>(
  name: string,
  input: S,
  body: OrchestratorBody<z.output<S>, O>,
): DefinedOrchestration<S, O>;
export function defineOrchestration<S extends z.ZodType, O>(
  nameOrContract: string | OrchestrationContract<S, O>,
  inputOrBody: S | OrchestratorBody<z.output<S>, O>,
  maybeBody?: OrchestratorBody<z.output<S>, O>,
): DefinedOrchestration<S, O> {
  const contract =
    typeof nameOrContract === 'string'
      ? orchestrationContract<S, O>(nameOrContract, inputOrBody as S)
      : nameOrContract;
  const body = (maybeBody ?? inputOrBody) as OrchestratorBody<z.output<S>, O>;
  const handler: OrchestrationHandler = function* (context: OrchestrationContext) {
    const parsed = contract.input.safeParse(context.df.getInput());
    if (!parsed.success)
      throw new OrchestrationInputError(contract.name, describeIssues(parsed.error));
    return yield* body(context, parsed.data);
  };
  return { name: contract.name, input: contract.input, handler };
}
