import type { SimulatorCounters } from '../../test/simulator';
import {
  ASSUMED_CONCURRENCY,
  RU_WINDOW_SECONDS,
  WRITE_QUOTA,
  WRITE_WINDOW_SECONDS,
} from '../../test/simulator/runtime/counters';

/** Counters accumulated between two readings of the same simulator (no reset in between). */
export function countersBetween(
  before: SimulatorCounters,
  after: SimulatorCounters,
): Pick<
  SimulatorCounters,
  'totalRequests' | 'resourceUnits' | 'writes' | 'throttled' | 'latencyMs' | 'batchInnerRequests'
> {
  return {
    totalRequests: after.totalRequests - before.totalRequests,
    batchInnerRequests: after.batchInnerRequests - before.batchInnerRequests,
    resourceUnits: after.resourceUnits - before.resourceUnits,
    writes: after.writes - before.writes,
    throttled: after.throttled - before.throttled,
    latencyMs: after.latencyMs - before.latencyMs,
  };
}

/** Seconds the write quota alone needs for `writes` at its sustained rate (3,000 per 150 s). */
export function writeFloorSeconds(writes: number): number {
  return writes / (WRITE_QUOTA / WRITE_WINDOW_SECONDS);
}

/**
 * The simulator's floor formula (runtime/counters.ts) applied to a slice of work:
 * max(RU / (quota / 10 s), writes / 20 per s, latency / 4 when the latency model is on).
 */
export function floorSeconds(
  work: { resourceUnits: number; writes: number; latencyMs: number },
  ruQuota: number,
  latencyOn: boolean,
): number {
  return Math.max(
    work.resourceUnits / (ruQuota / RU_WINDOW_SECONDS),
    writeFloorSeconds(work.writes),
    latencyOn ? work.latencyMs / 1000 / ASSUMED_CONCURRENCY : 0,
  );
}

/** wall / floor, or null when the floor is zero (nothing was counted). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
