/**
 * Graph's budgets per app and tenant, kept on the client side so that requests wait their turn
 * instead of bouncing off 429s (https://learn.microsoft.com/graph/throttling-limits, identity and
 * access service limits): resource units per 10 s by tenant size, and 3,000 writes per 150 s.
 * Every request of a process to one tenant draws from the same budget; the costs Graph reports
 * (`x-ms-resource-unit`) correct the estimates made before sending.
 */

/** Resource units per 10 s: more than 500 users, 50 to 500, fewer than 50. */
export const RESOURCE_UNIT_TIERS = [8000, 5000, 3500] as const;
const RU_WINDOW_MS = 10_000;
const WRITE_QUOTA = 3000;
const WRITE_WINDOW_MS = 150_000;

/**
 * A token bucket that lends: a taker that finds too few tokens takes them anyway (the balance goes
 * negative) and waits until the refill covers its share, so concurrent takers queue in order.
 */
class LendingBucket {
  private tokens: number;
  private last: number;

  constructor(
    private capacity: number,
    private readonly windowMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  private refill(now: number): void {
    const rate = this.capacity / this.windowMs;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * rate);
    this.last = now;
  }

  /** Takes `n` tokens; returns how many ms to wait before using them. */
  take(n: number, now: number): number {
    this.refill(now);
    this.tokens -= n;
    if (this.tokens >= 0) return 0;
    // Rounding the refill rate must not add a millisecond to every wait.
    return Math.ceil(-this.tokens / (this.capacity / this.windowMs) - 1e-6);
  }

  /** Corrects an earlier take by `n` (positive: the request cost more than taken). */
  charge(n: number, now: number): void {
    this.refill(now);
    this.tokens -= n;
  }

  resize(capacity: number, now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.tokens, capacity);
    this.capacity = capacity;
  }
}

export interface GraphBudgetOptions {
  /** Resource units per 10 s to start with (the largest tier unless known). */
  resourceUnitsPer10s?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class GraphBudget {
  private readonly ru: LendingBucket;
  private readonly writes: LendingBucket;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private quota: number;

  constructor(options: GraphBudgetOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sleep =
      options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref?.()));
    this.quota = options.resourceUnitsPer10s ?? RESOURCE_UNIT_TIERS[0];
    this.ru = new LendingBucket(this.quota, RU_WINDOW_MS, this.now());
    this.writes = new LendingBucket(WRITE_QUOTA, WRITE_WINDOW_MS, this.now());
  }

  /** Resource units per 10 s the budget paces at now. */
  get resourceUnitsPer10s(): number {
    return this.quota;
  }

  /** Waits until `resourceUnits` (estimated) and `writes` fit in the budget, then takes them. */
  async take(resourceUnits: number, writes: number): Promise<void> {
    const now = this.now();
    const wait = Math.max(
      this.ru.take(resourceUnits, now),
      writes > 0 ? this.writes.take(writes, now) : 0,
    );
    if (wait > 0) await this.sleep(wait);
  }

  /** What Graph said the request cost, against what was taken for it. */
  settle(estimated: number, actual: number | undefined): void {
    if (actual === undefined || !Number.isFinite(actual) || actual === estimated) return;
    this.ru.charge(actual - estimated, this.now());
  }

  /**
   * Graph refused a request for its resource-unit budget although we paced below our quota: the
   * tenant is in a smaller tier, so pace at the next one down.
   */
  throttled(information: string | null | undefined): void {
    if (!information || !/ResourceUnitLimitExceeded/i.test(information)) return;
    const lower = RESOURCE_UNIT_TIERS.find((tier) => tier < this.quota);
    if (lower === undefined) return;
    this.quota = lower;
    this.ru.resize(lower, this.now());
  }
}

interface BatchBody {
  requests?: Array<{ method?: string }>;
  responses?: Array<{ headers?: Record<string, string> }>;
}

const isBatch = (url: string): boolean => /\/\$batch(\?|$)/.test(url);

/** What a request will take from the budget: about 1 resource unit per request, writes counted. */
export function estimatedCost(
  method: string,
  url: string,
  body: unknown,
): { resourceUnits: number; writes: number } {
  if (isBatch(url)) {
    const inner = (body as BatchBody | undefined)?.requests ?? [];
    return {
      resourceUnits: inner.length,
      writes: inner.filter((r) => (r.method ?? 'GET').toUpperCase() !== 'GET').length,
    };
  }
  return { resourceUnits: 1, writes: method === 'GET' ? 0 : 1 };
}

/** What Graph says the request cost (`x-ms-resource-unit`, summed over a batch's answers). */
export function reportedCost(url: string, headers: Headers, body: unknown): number | undefined {
  if (!isBatch(url)) {
    const value = headers.get('x-ms-resource-unit');
    return value === null ? undefined : Number(value);
  }
  let total = 0;
  let seen = false;
  for (const response of (body as BatchBody | undefined)?.responses ?? []) {
    for (const [key, value] of Object.entries(response.headers ?? {})) {
      if (key.toLowerCase() !== 'x-ms-resource-unit') continue;
      total += Number(value);
      seen = true;
    }
  }
  return seen ? total : undefined;
}
