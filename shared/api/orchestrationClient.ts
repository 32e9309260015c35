/**
 * What HTTP handlers, timers and the CLI need from Durable Functions. In Azure it is backed by
 * `df.getClient(context)`; locally by the in-process runner in `local/durable/`.
 */
export type RuntimeStatus =
  'Pending' | 'Running' | 'Completed' | 'Failed' | 'Terminated' | 'ContinuedAsNew';

export interface OrchestrationStatus {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  createdTime: string;
  lastUpdatedTime: string;
}

export interface OrchestrationClient {
  /** Starts an orchestration; the caller chooses the instance id (singletons per tenant). */
  startNew(name: string, options: { instanceId: string; input: unknown }): Promise<string>;
  /** Undefined when no such instance exists. */
  getStatus(instanceId: string): Promise<OrchestrationStatus | undefined>;
  raiseEvent(instanceId: string, eventName: string, eventData: unknown): Promise<void>;
  terminate(instanceId: string, reason: string): Promise<void>;
}

export const ACTIVE_STATUSES: ReadonlySet<RuntimeStatus> = new Set([
  'Pending',
  'Running',
  'ContinuedAsNew',
]);
