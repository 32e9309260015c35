import { RU_WINDOW_SECONDS, WRITE_QUOTA, WRITE_WINDOW_SECONDS } from './counters';

export interface ThrottleDecision {
  ok: boolean;
  retryAfterSeconds?: number;
  information?: 'ResourceUnitLimitExceeded' | 'WriteLimitExceeded';
  scope?: string;
}

/** A refilling token bucket: `capacity` tokens per `windowSeconds`. */
class Bucket {
  private tokens: number;
  private last: number;

  constructor(
    private capacity: number,
    private windowSeconds: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  resize(capacity: number): void {
    this.tokens = Math.min(this.tokens, capacity);
    this.capacity = capacity;
  }

  private refill(now: number): void {
    const rate = this.capacity / (this.windowSeconds * 1000);
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * rate);
    this.last = now;
  }

  /** Seconds to wait before `cost` tokens are available, 0 if they are now (and takes them). */
  take(cost: number, now: number): number {
    this.refill(now);
    if (this.tokens >= cost) {
      this.tokens -= cost;
      return 0;
    }
    const rate = this.capacity / (this.windowSeconds * 1000);
    return Math.max(1, Math.ceil((cost - this.tokens) / rate / 1000));
  }

  /** Checks without taking. */
  wait(cost: number, now: number): number {
    this.refill(now);
    return this.tokens >= cost
      ? 0
      : Math.max(
          1,
          Math.ceil((cost - this.tokens) / (this.capacity / (this.windowSeconds * 1000)) / 1000),
        );
  }
}

/**
 * Graph's identity throttling for one app+tenant pair (graph-notes 1.3): a resource-unit bucket
 * sized by the tenant's user count per 10 s and a write bucket of 3,000 per 150 s.
 */
export class Throttler {
  private ru: Bucket;
  private writes: Bucket;

  constructor(
    ruQuota: number,
    private readonly tenantId: string,
    now = Date.now(),
  ) {
    this.ru = new Bucket(ruQuota, RU_WINDOW_SECONDS, now);
    this.writes = new Bucket(WRITE_QUOTA, WRITE_WINDOW_SECONDS, now);
  }

  setQuota(ruQuota: number): void {
    this.ru.resize(ruQuota);
  }

  check(cost: number, write: boolean, now = Date.now()): ThrottleDecision {
    const writeWait = write ? this.writes.wait(1, now) : 0;
    if (writeWait > 0) {
      return {
        ok: false,
        retryAfterSeconds: writeWait,
        information: 'WriteLimitExceeded',
        scope: `Tenant_Application/Write/simulator/${this.tenantId}`,
      };
    }
    const ruWait = this.ru.take(cost, now);
    if (ruWait > 0) {
      return {
        ok: false,
        retryAfterSeconds: ruWait,
        information: 'ResourceUnitLimitExceeded',
        scope: `Tenant_Application/ReadWrite/simulator/${this.tenantId}`,
      };
    }
    if (write) this.writes.take(1, now);
    return { ok: true };
  }
}
