import { z } from 'zod';
import { SeededRandom } from '../random';

export const faultOptionsSchema = z.object({
  throttleStorm: z
    .object({ everyNth: z.number().int().min(1), retryAfterSeconds: z.number().int().min(1) })
    .optional(),
  serviceUnavailable: z
    .object({ probability: z.number().min(0).max(1), retryAfter: z.boolean().optional() })
    .optional(),
  connectionReset: z.object({ probability: z.number().min(0).max(1) }).optional(),
  slow: z
    .object({ probability: z.number().min(0).max(1), delayMs: z.number().int().min(0) })
    .optional(),
  /**
   * Requests whose path (after the version, e.g. `/identity/conditionalAccess/policies`) starts
   * with one of the prefixes always fail with this status: a missing permission (403) or a
   * broken endpoint (500), for tests of partial failure.
   */
  failing: z
    .array(
      z.object({
        pathPrefix: z.string().startsWith('/'),
        status: z.number().int().min(400).max(599),
        code: z.string().default('Authorization_RequestDenied'),
        message: z.string().default('Insufficient privileges to complete the operation.'),
      }),
    )
    .optional(),
});

/** Injected failures; deterministic for a given seed and request sequence. */
export type FaultOptions = z.infer<typeof faultOptionsSchema>;

export type FaultDecision =
  | { kind: 'none'; delayMs: number }
  | { kind: 'reset' }
  | { kind: 'unavailable'; retryAfter?: number; delayMs: number }
  | { kind: 'storm'; retryAfterSeconds: number; delayMs: number };

export class FaultInjector {
  private options: FaultOptions = {};
  private random: SeededRandom;
  private count = 0;

  constructor(private readonly seed: number) {
    this.random = new SeededRandom(seed ^ 0x5eed);
  }

  set(options: FaultOptions): void {
    this.options = faultOptionsSchema.parse(options);
    this.random = new SeededRandom(this.seed ^ 0x5eed);
    this.count = 0;
  }

  /** The configured failure for a path, if any (checked before the random faults). */
  failureFor(path: string): { status: number; code: string; message: string } | undefined {
    return this.options.failing?.find((f) => path.startsWith(f.pathPrefix));
  }

  /** `canReset` is false inside $batch (there is no connection of its own to drop). */
  decide(canReset: boolean): FaultDecision {
    const o = this.options;
    this.count++;
    // Draw every random number every time so a decision does not shift the sequence of later ones.
    const rSlow = this.random.next();
    const rReset = this.random.next();
    const rUnavailable = this.random.next();
    const delayMs = o.slow && rSlow < o.slow.probability ? o.slow.delayMs : 0;
    if (canReset && o.connectionReset && rReset < o.connectionReset.probability)
      return { kind: 'reset' };
    if (o.throttleStorm && this.count % o.throttleStorm.everyNth === 0) {
      return { kind: 'storm', retryAfterSeconds: o.throttleStorm.retryAfterSeconds, delayMs };
    }
    if (o.serviceUnavailable && rUnavailable < o.serviceUnavailable.probability) {
      return {
        kind: 'unavailable',
        retryAfter: o.serviceUnavailable.retryAfter ? 1 : undefined,
        delayMs,
      };
    }
    return { kind: 'none', delayMs };
  }
}
