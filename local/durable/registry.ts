import { app, type InvocationContext } from '@azure/functions';

/** The wrapped handler `df.app.orchestration` registers: history binding in, OrchestratorState out. */
export type OrchestratorHandler = (
  binding: unknown,
  context: InvocationContext,
) => Promise<unknown>;
/** The wrapped handler `df.app.activity` registers. */
export type ActivityHandler = (input: unknown, context: InvocationContext) => Promise<unknown>;

export interface FunctionRegistry {
  orchestrators: Map<string, OrchestratorHandler>;
  activities: Map<string, ActivityHandler>;
}

type GenericRegister = (name: string, options: GenericOptions) => void;
interface GenericOptions {
  trigger?: { type?: string };
  handler: (...args: never[]) => unknown;
}
interface MutableApp {
  generic: GenericRegister;
}

let registry: FunctionRegistry | undefined;
let capturing: GenericRegister | undefined;

/**
 * True when the Azure Functions worker is present. Same test as @azure/functions: the worker
 * injects the virtual module `@azure/functions-core`; without it the package is in "test mode".
 */
export function isInFunctionsHost(): boolean {
  try {
    require('@azure/functions-core');
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces `app.generic` of @azure/functions with a capturing function, so that
 * `df.app.orchestration` / `df.app.activity` (which look `app.generic` up at call time) hand us
 * the exact handlers the Functions host would get. Call it BEFORE importing function files.
 * Inside the real host the original registration still happens too. Idempotent.
 */
export function captureDurableRegistrations(): FunctionRegistry {
  const mutableApp = app as unknown as MutableApp;
  if (registry && capturing && mutableApp.generic === capturing) return registry;

  const captured: FunctionRegistry = registry ?? {
    orchestrators: new Map(),
    activities: new Map(),
  };
  const original = mutableApp.generic;
  const inHost = isInFunctionsHost();
  capturing = (name, options) => {
    const type = options.trigger?.type;
    if (type === 'orchestrationTrigger') {
      captured.orchestrators.set(name, options.handler as unknown as OrchestratorHandler);
    } else if (type === 'activityTrigger') {
      captured.activities.set(name, options.handler as unknown as ActivityHandler);
    }
    // Without the host the original only prints a "test mode" warning per function.
    if (inHost || (type !== 'orchestrationTrigger' && type !== 'activityTrigger')) {
      original(name, options);
    }
  };
  mutableApp.generic = capturing;
  registry = captured;
  return captured;
}
