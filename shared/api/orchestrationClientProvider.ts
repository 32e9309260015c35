import * as df from 'durable-functions';
import type { InvocationContext } from '@azure/functions';
import type {
  OrchestrationClient,
  OrchestrationStatus,
  RuntimeStatus,
} from './orchestrationClient';

/**
 * Where HTTP handlers and timers get their orchestration client. In Azure: the Durable client
 * binding (`df.getClient`, for functions registered with `df.app.client.*`). Locally, the CLI's
 * `serve` and the tests install the in-process runner instead.
 */
type Factory = (context: InvocationContext) => OrchestrationClient;

let factory: Factory = (context) => adaptDurableClient(df.getClient(context));

export function setOrchestrationClientFactory(next: Factory): void {
  factory = next;
}

export function getOrchestrationClient(context: InvocationContext): OrchestrationClient {
  return factory(context);
}

export function adaptDurableClient(client: df.DurableClient): OrchestrationClient {
  return {
    startNew: (name, options) => client.startNew(name, options),
    async getStatus(instanceId) {
      const status = await client.getStatus(instanceId, { showInput: true });
      // The Durable extension answers an unknown instance with an empty status.
      if (!status || !status.runtimeStatus) return undefined;
      const result: OrchestrationStatus = {
        instanceId: status.instanceId,
        name: status.name,
        runtimeStatus: status.runtimeStatus as RuntimeStatus,
        input: status.input,
        output: status.output,
        customStatus: status.customStatus,
        createdTime: new Date(status.createdTime).toISOString(),
        lastUpdatedTime: new Date(status.lastUpdatedTime).toISOString(),
      };
      return result;
    },
    raiseEvent: (instanceId, eventName, eventData) =>
      client.raiseEvent(instanceId, eventName, eventData),
    terminate: (instanceId, reason) => client.terminate(instanceId, reason),
  };
}
