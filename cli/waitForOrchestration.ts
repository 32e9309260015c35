import type { OrchestrationClient, OrchestrationStatus } from '../shared/api/orchestrationClient';
import { ACTIVE_STATUSES } from '../shared/api/orchestrationClient';
import { createProgress } from './progress';

interface ProgressLike {
  modulesTotal?: number;
  modulesDone?: number;
  objects?: number;
  phase?: string;
  total?: number;
  done?: number;
}

/** Polls an orchestration until it ends, drawing its custom status as a progress bar. */
export async function waitForOrchestration(
  client: OrchestrationClient,
  instanceId: string,
  options: {
    showProgress: boolean;
    pollMs?: number;
    isForJob?: (s: OrchestrationStatus) => boolean;
  },
): Promise<OrchestrationStatus> {
  const progress = createProgress(options.showProgress);
  try {
    for (;;) {
      const status = await client.getStatus(instanceId);
      if (!status) throw new Error(`orchestration ${instanceId} not found`);
      const custom = (status.customStatus ?? {}) as ProgressLike;
      const total = custom.modulesTotal ?? custom.total ?? 0;
      const done = custom.modulesDone ?? custom.done ?? 0;
      progress.update(
        done,
        total,
        `${custom.phase ?? status.runtimeStatus} · ${custom.objects ?? 0} objects`,
      );
      if (!ACTIVE_STATUSES.has(status.runtimeStatus)) return status;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
  } finally {
    progress.stop();
  }
}
