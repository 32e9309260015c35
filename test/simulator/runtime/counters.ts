/** What the simulator has served; `floorSeconds` is the least time its own model allows for it. */
export interface SimulatorCounters {
  /** By `METHOD /path/template` with ids replaced by {id}. */
  requests: Record<string, number>;
  totalRequests: number;
  batchInnerRequests: number;
  resourceUnits: number;
  writes: number;
  /** Writes that reached a handler, by `METHOD status` (e.g. `POST 400`): a rejected write shows here. */
  writeResults: Record<string, number>;
  throttled: number;
  bytesOut: number;
  objectsReturned: number;
  /** Sum of modelled latency (ms) over all requests, when the latency model is on. */
  latencyMs: number;
  floorSeconds: number;
}

export const WRITE_QUOTA = 3000;
export const WRITE_WINDOW_SECONDS = 150;
export const RU_WINDOW_SECONDS = 10;
/** Client concurrency assumed when turning summed latency into wall time. */
export const ASSUMED_CONCURRENCY = 4;

/** Resource units per 10 s for an app+tenant pair, by tenant size (graph-notes 1.3). */
export function resourceUnitQuota(userCount: number): number {
  if (userCount < 50) return 3500;
  if (userCount <= 500) return 5000;
  return 8000;
}

export class CounterSet {
  private c = CounterSet.empty();

  private static empty(): Omit<SimulatorCounters, 'floorSeconds'> {
    return {
      requests: {},
      totalRequests: 0,
      batchInnerRequests: 0,
      resourceUnits: 0,
      writes: 0,
      writeResults: {},
      throttled: 0,
      bytesOut: 0,
      objectsReturned: 0,
      latencyMs: 0,
    };
  }

  request(template: string, inBatch: boolean): void {
    this.c.requests[template] = (this.c.requests[template] ?? 0) + 1;
    this.c.totalRequests++;
    if (inBatch) this.c.batchInnerRequests++;
  }

  served(ru: number, write: boolean, objects: number, latencyMs: number): void {
    this.c.resourceUnits += ru;
    if (write) this.c.writes++;
    this.c.objectsReturned += objects;
    this.c.latencyMs += latencyMs;
  }

  writeResult(method: string, status: number): void {
    const key = `${method} ${status}`;
    this.c.writeResults[key] = (this.c.writeResults[key] ?? 0) + 1;
  }

  throttledRequest(): void {
    this.c.throttled++;
  }

  bytes(n: number): void {
    this.c.bytesOut += n;
  }

  reset(): void {
    this.c = CounterSet.empty();
  }

  /**
   * floorSeconds = max(RU / (ruQuota / 10 s), writes / (3000 / 150 s), latencyMs / 1000 / 4):
   * no client can finish the counted work faster under the simulator's own budget.
   */
  snapshot(ruQuota: number, latencyOn: boolean): SimulatorCounters {
    const ruFloor = this.c.resourceUnits / (ruQuota / RU_WINDOW_SECONDS);
    const writeFloor = this.c.writes / (WRITE_QUOTA / WRITE_WINDOW_SECONDS);
    const latencyFloor = latencyOn ? this.c.latencyMs / 1000 / ASSUMED_CONCURRENCY : 0;
    return {
      ...structuredClone(this.c),
      floorSeconds: Math.max(ruFloor, writeFloor, latencyFloor),
    };
  }
}
