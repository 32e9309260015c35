import { randomUUID } from 'node:crypto';
import { InvocationContext } from '@azure/functions';
import type { OrchestratorHandler } from './registry';
import type { HistoryEvent } from './historyEvents';

/** What one orchestrator run returned, reduced to what the runner needs. */
export type InvocationResult =
  | { kind: 'ok'; isDone: boolean; actions: unknown; output: unknown; customStatus: unknown }
  | { kind: 'failed'; message: string; customStatus: unknown };

export type LogFn = (level: string, ...args: unknown[]) => void;

/** durable-functions appends the serialized state to the error message after this marker. */
const OUT_OF_PROC_MARKER = '\n\n$OutOfProcData$:';

/** Replay schema V4 (`ReplaySchema.V4 = 3`), as sent by current Durable extensions. */
const UPPER_SCHEMA_VERSION = 3;
/**
 * Timers longer than this are split by durable-functions into `LongTimerTask` chunks, whose
 * sub-timer ids are allocated during replay. Locally every timer is a plain timer, so the limit
 * is set far beyond any real timer (the host sets it from its own configuration).
 */
const MAXIMUM_SHORT_TIMER_DURATION = '3650.00:00:00';
const LONG_RUNNING_TIMER_INTERVAL = '3.00:00:00';
const DEFAULT_HTTP_SLEEP_MS = 30000;

export interface InvocationRequest {
  functionName: string;
  instanceId: string;
  parentInstanceId?: string;
  input: unknown;
  history: HistoryEvent[];
  log: LogFn;
}

/**
 * Runs the registered orchestrator once over the whole history, the way the Functions host does:
 * a history binding and a fresh InvocationContext (durable-functions keeps its executor on
 * `context.df`, so reusing a context would replay with stale state), and a deep copy of the
 * history (the library converts timestamps to Dates in place).
 */
export async function invokeOrchestrator(
  handler: OrchestratorHandler,
  request: InvocationRequest,
): Promise<InvocationResult> {
  const history = JSON.parse(JSON.stringify(request.history)) as HistoryEvent[];
  const binding = {
    history,
    input: request.input,
    instanceId: request.instanceId,
    isReplaying: history.some((e) => e.IsPlayed),
    parentInstanceId: request.parentInstanceId ?? '',
    upperSchemaVersion: UPPER_SCHEMA_VERSION,
    longRunningTimerIntervalDuration: LONG_RUNNING_TIMER_INTERVAL,
    maximumShortTimerDuration: MAXIMUM_SHORT_TIMER_DURATION,
    defaultHttpAsyncRequestSleepTimeMillseconds: DEFAULT_HTTP_SLEEP_MS,
  };
  const context = new InvocationContext({
    functionName: request.functionName,
    invocationId: randomUUID(),
    logHandler: (level, ...args) => request.log(level, ...args),
  });
  try {
    const state = (await handler(binding, context)) as {
      isDone: boolean;
      actions: unknown;
      output: unknown;
      customStatus?: unknown;
    };
    return {
      kind: 'ok',
      isDone: state.isDone,
      actions: state.actions,
      output: state.output,
      customStatus: state.customStatus,
    };
  } catch (error) {
    return parseFailure(error);
  }
}

function parseFailure(error: unknown): InvocationResult {
  const raw = error instanceof Error ? error.message : String(error);
  const at = raw.indexOf(OUT_OF_PROC_MARKER);
  if (at < 0) return { kind: 'failed', message: raw, customStatus: undefined };
  // The text before the marker is only "<orchestrator returned?>"; the error is in the state.
  try {
    const state = JSON.parse(raw.slice(at + OUT_OF_PROC_MARKER.length)) as {
      customStatus?: unknown;
      error?: string;
    };
    return {
      kind: 'failed',
      message: state.error ?? raw.slice(0, at),
      customStatus: state.customStatus,
    };
  } catch {
    return { kind: 'failed', message: raw.slice(0, at), customStatus: undefined };
  }
}
