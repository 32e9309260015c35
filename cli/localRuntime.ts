import { captureDurableRegistrations, LocalDurableRunner } from '../local/durable';
import { setOrchestrationClientFactory } from '../shared/api/orchestrationClientProvider';
import { getServices, type Services } from '../shared/config/services';

/**
 * Hosts the Function App in this process, as the Functions host would: the same registrations
 * (functions/index.ts), driven by the local Durable runner, with history in Azure Storage.
 */
export interface LocalRuntime {
  runner: LocalDurableRunner;
  services: Services;
  stop(): Promise<void>;
}

export async function startLocalRuntime(
  options: { activityConcurrency?: number; taskHub?: string } = {},
): Promise<LocalRuntime> {
  captureDurableRegistrations();
  // Registration happens on import; it must come after the capture is installed. Without the
  // Functions host, @azure/functions warns once per function that it is "in test mode": expected here.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && /@azure\/functions|Azure Functions runtime/.test(args[0]))
      return;
    warn(...args);
  };
  try {
    require('../functions');
  } finally {
    console.warn = warn;
  }
  const runner = new LocalDurableRunner({
    activityConcurrency: options.activityConcurrency ?? 8,
    taskHub: options.taskHub ?? process.env.ENTRA_BACKUP_TASK_HUB ?? 'local',
  });
  setOrchestrationClientFactory(() => runner);
  const services = await getServices();
  await runner.resumePending();
  return { runner, services, stop: () => runner.stop() };
}
