/**
 * The actions durable-functions returns from an orchestrator run (`lib/src/actions/ActionType.js`),
 * and what the local runner derives from them.
 */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
  LockEntities: 13,
  ReleaseEntities: 14,
} as const;

const ACTION_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(ActionType).map(([name, value]) => [value, name]),
);

export function actionTypeName(type: number): string {
  return ACTION_NAMES[type] ?? `ActionType ${type}`;
}

export interface RetryOptionsWire {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
}

/** Loose view of an action object as durable-functions builds it. */
export interface RawAction {
  actionType: number;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  externalEventName?: string;
  fireAt?: Date | string;
  isCanceled?: boolean;
  retryOptions?: RetryOptionsWire;
  compoundActions?: RawAction[];
}

/** What the non-determinism check compares: type + name + input. */
export interface ActionSignature {
  type: number;
  name: string;
  input: string;
}

/**
 * Leaf actions in scheduling order: WhenAll/WhenAny flattened depth-first, and each action object
 * kept once — a task yielded earlier and then placed in a new Task.any shows up twice.
 */
export function flattenActions(actions: unknown): RawAction[] {
  const seen = new Set<RawAction>();
  const out: RawAction[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const action = node as RawAction;
    if (action.actionType === ActionType.WhenAll || action.actionType === ActionType.WhenAny) {
      (action.compoundActions ?? []).forEach(visit);
      return;
    }
    if (seen.has(action)) return;
    seen.add(action);
    out.push(action);
  };
  visit(actions);
  return out;
}

function isoOf(value: Date | string | undefined): string {
  if (value === undefined) return '';
  return new Date(value).toISOString();
}

export function signatureOf(action: RawAction): ActionSignature {
  switch (action.actionType) {
    case ActionType.CreateTimer:
      return { type: action.actionType, name: isoOf(action.fireAt), input: '' };
    case ActionType.WaitForExternalEvent:
      return { type: action.actionType, name: action.externalEventName ?? '', input: '' };
    case ActionType.ContinueAsNew:
      return { type: action.actionType, name: '', input: toStableJson(actionInput(action)) };
    default:
      return {
        type: action.actionType,
        name: action.functionName ?? '',
        input:
          toStableJson(actionInput(action)) + (action.instanceId ? `@${action.instanceId}` : ''),
      };
  }
}

export function sameSignature(a: ActionSignature, b: ActionSignature): boolean {
  return a.type === b.type && a.name === b.name && a.input === b.input;
}

export function describeSignature(s: ActionSignature): string {
  const name = s.name ? ` '${s.name}'` : '';
  const input = s.input
    ? ` input ${s.input.length > 200 ? `${s.input.slice(0, 200)}…` : s.input}`
    : '';
  return `${actionTypeName(s.type)}${name}${input}`;
}

/**
 * The value an action carries. durable-functions JSON-encodes string inputs of activities and
 * continueAsNew (`Utils.processInput`) but passes sub-orchestration inputs through unchanged.
 */
export function actionInput(action: RawAction): unknown {
  const encoded =
    action.actionType === ActionType.CallActivity ||
    action.actionType === ActionType.CallActivityWithRetry ||
    action.actionType === ActionType.ContinueAsNew;
  if (encoded && typeof action.input === 'string') return JSON.parse(action.input);
  return action.input;
}

function toStableJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

/**
 * Actions that take a number from the library's per-execution sequence (TaskScheduledId /
 * TimerId). External-event waits are matched by name and continueAsNew takes none.
 */
export function consumesEventId(action: RawAction): boolean {
  return (
    action.actionType !== ActionType.WaitForExternalEvent &&
    action.actionType !== ActionType.ContinueAsNew
  );
}

export const SUPPORTED_ACTIONS: ReadonlySet<number> = new Set([
  ActionType.CallActivity,
  ActionType.CallActivityWithRetry,
  ActionType.CallSubOrchestrator,
  ActionType.CallSubOrchestratorWithRetry,
  ActionType.ContinueAsNew,
  ActionType.CreateTimer,
  ActionType.WaitForExternalEvent,
]);

/** Delay before retry attempt `failures + 1`, as Durable Functions computes it. */
export function retryDelayMs(options: RetryOptionsWire, failures: number): number {
  const coefficient = options.backoffCoefficient ?? 1;
  const delay = options.firstRetryIntervalInMilliseconds * Math.pow(coefficient, failures - 1);
  const cap = options.maxRetryIntervalInMilliseconds;
  return cap && cap > 0 ? Math.min(delay, cap) : delay;
}
