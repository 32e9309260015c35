/**
 * Typed calls from an orchestrator: the input is checked against the callee's schema type at
 * compile time and the result comes back typed. The `call*` helpers are generators, used with
 * `yield*` (they yield the durable Task, so the SDK's replay sees exactly what
 * `yield context.df.callActivity(...)` would); the `*Task` helpers return the Task itself for
 * fan-out with `context.df.Task.all/any`.
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import type { z } from 'zod';
import type { DefinedActivity } from './activity';
import type { OrchestrationContract, OrchestratorBody } from './orchestration';

/** A durable Task whose result has the callee's output type. */
export interface TypedTask<O> extends Task {
  readonly result?: O;
}

export function activityTask<S extends z.ZodType, O>(
  context: OrchestrationContext,
  activity: DefinedActivity<S, O>,
  input: z.input<S>,
): TypedTask<O> {
  return context.df.callActivity(activity.name, input) as TypedTask<O>;
}

export function* callActivity<S extends z.ZodType, O>(
  context: OrchestrationContext,
  activity: DefinedActivity<S, O>,
  input: z.input<S>,
): Generator<Task, O, unknown> {
  return (yield activityTask(context, activity, input)) as O;
}

export function subOrchestratorTask<S extends z.ZodType, O>(
  context: OrchestrationContext,
  orchestration: OrchestrationContract<S, O>,
  input: z.input<S>,
  instanceId?: string,
): TypedTask<O> {
  return context.df.callSubOrchestrator(orchestration.name, input, instanceId) as TypedTask<O>;
}

export function* callSubOrchestrator<S extends z.ZodType, O>(
  context: OrchestrationContext,
  orchestration: OrchestrationContract<S, O>,
  input: z.input<S>,
  instanceId?: string,
): Generator<Task, O, unknown> {
  return (yield subOrchestratorTask(context, orchestration, input, instanceId)) as O;
}

/** `yield context.df.Task.any(tasks)`, typed: the first of `tasks` to finish. */
export function* firstDone<T extends Task>(
  context: OrchestrationContext,
  tasks: T[],
): Generator<Task, T, unknown> {
  return (yield context.df.Task.any(tasks)) as T;
}

/**
 * An orchestrator body whose failures still end the job: when a step throws, `onFailure` runs
 * (deterministically, like any step: it calls the activity that records the end) and decides the
 * result, or throws to let the orchestration fail.
 */
export function endsJobOnFailure<I, O>(
  body: OrchestratorBody<I, O>,
  onFailure: (
    context: OrchestrationContext,
    input: I,
    failure: { error: unknown; reason: string },
  ) => Generator<Task, O, unknown>,
): OrchestratorBody<I, O> {
  return function* (context, input) {
    try {
      return yield* body(context, input);
    } catch (error) {
      return yield* onFailure(context, input, { error, reason: stepFailureReason(error) });
    }
  };
}

/** What a caller may read of a failed step: the first line of its message, never a stack. */
export function stepFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 500);
}
