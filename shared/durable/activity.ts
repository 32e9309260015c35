import type { InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import { describeIssues } from './inputIssues';

/** An activity called with an input its schema refuses: a caller's bug, never retried into success. */
export class ActivityInputError extends Error {
  constructor(
    readonly activity: string,
    readonly issues: string,
  ) {
    super(`Activity '${activity}' refused its input: ${issues}`);
    this.name = 'ActivityInputError';
  }
}

/**
 * An activity declared once with its input schema: orchestrators call it through `callActivity`
 * (input checked against the schema's type at compile time, output typed), and the handler
 * `df.app.activity` registers validates the input before the work runs.
 */
export interface DefinedActivity<S extends z.ZodType = z.ZodType, O = unknown> {
  readonly name: string;
  readonly input: S;
  readonly handler: (input: unknown, context: InvocationContext) => Promise<O>;
  /** Type-level only: what the activity returns (never set at run time). */
  readonly output?: O;
}

export type ActivityInput<A> = A extends DefinedActivity<infer S, unknown> ? z.input<S> : never;
export type ActivityOutput<A> = A extends DefinedActivity<z.ZodType, infer O> ? O : never;

export function defineActivity<S extends z.ZodType, O>(
  name: string,
  input: S,
  run: (input: z.output<S>, context: InvocationContext) => Promise<O>,
): DefinedActivity<S, O> {
  const handler = async (raw: unknown, context: InvocationContext): Promise<O> => {
    const parsed = input.safeParse(raw);
    if (!parsed.success) throw new ActivityInputError(name, describeIssues(parsed.error));
    return run(parsed.data, context);
  };
  return { name, input, handler };
}
