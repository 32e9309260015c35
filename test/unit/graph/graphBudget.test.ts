import {
  GraphBudget,
  RESOURCE_UNIT_TIERS,
  estimatedCost,
  reportedCost,
} from '../../../shared/graph/graphBudget';

/** A budget on a clock the test moves; sleeping records the wait. */
function budgetAt(resourceUnitsPer10s?: number) {
  let now = 0;
  const waits: number[] = [];
  const budget = new GraphBudget({
    resourceUnitsPer10s,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { budget, waits, advance: (ms: number) => (now += ms) };
}

describe('GraphBudget', () => {
  it('lets requests through while the bucket holds enough, then makes them wait for the refill', async () => {
    const { budget, waits } = budgetAt(8000);
    await budget.take(8000, 0);
    expect(waits).toEqual([]);
    // 800 RU refill per second: 400 more RU are there in half a second.
    await budget.take(400, 0);
    expect(waits).toEqual([500]);
  });

  it('queues concurrent takers in order: each waits for its own share of the refill', async () => {
    const { budget, waits } = budgetAt(5000);
    await budget.take(5000, 0);
    await Promise.all([budget.take(500, 0), budget.take(500, 0)]);
    expect(waits).toEqual([1000, 2000]);
  });

  it('refills with time, never above the quota', async () => {
    const { budget, waits, advance } = budgetAt(3500);
    await budget.take(3500, 0);
    advance(60_000);
    await budget.take(3500, 0);
    expect(waits).toEqual([]);
    await budget.take(350, 0);
    expect(waits).toEqual([1000]);
  });

  it('charges what Graph reported beyond the estimate', async () => {
    const { budget, waits } = budgetAt(8000);
    await budget.take(1, 0);
    budget.settle(1, 8000);
    await budget.take(80, 0);
    expect(waits).toEqual([100]);
  });

  it('ignores a missing or unreadable reported cost', async () => {
    const { budget, waits } = budgetAt(8000);
    await budget.take(7999, 0);
    budget.settle(1, undefined);
    budget.settle(1, Number.NaN);
    await budget.take(1, 0);
    expect(waits).toEqual([]);
  });

  it('paces writes at 3,000 per 150 s whatever their resource units', async () => {
    const { budget, waits } = budgetAt(8000);
    for (let i = 0; i < 3000; i++) await budget.take(0, 1);
    expect(waits).toEqual([]);
    await budget.take(0, 1);
    expect(waits).toEqual([50]);
  });

  it('steps down a tier when Graph refuses for the resource-unit limit, and no lower than the last', () => {
    const { budget } = budgetAt();
    expect(budget.resourceUnitsPer10s).toBe(RESOURCE_UNIT_TIERS[0]);
    budget.throttled('WriteLimitExceeded');
    budget.throttled(undefined);
    expect(budget.resourceUnitsPer10s).toBe(8000);
    budget.throttled('ResourceUnitLimitExceeded');
    expect(budget.resourceUnitsPer10s).toBe(5000);
    budget.throttled('ResourceUnitLimitExceeded');
    budget.throttled('ResourceUnitLimitExceeded');
    expect(budget.resourceUnitsPer10s).toBe(3500);
  });
});

describe('request costs', () => {
  it('estimates one resource unit per request and counts the writes of a batch', () => {
    expect(estimatedCost('GET', 'https://graph/v1.0/users', undefined)).toEqual({
      resourceUnits: 1,
      writes: 0,
    });
    expect(estimatedCost('PATCH', 'https://graph/v1.0/users/1', {})).toEqual({
      resourceUnits: 1,
      writes: 1,
    });
    const batch = { requests: [{ method: 'GET' }, { method: 'post' }, { method: 'DELETE' }] };
    expect(estimatedCost('POST', 'https://graph/v1.0/$batch', batch)).toEqual({
      resourceUnits: 3,
      writes: 2,
    });
  });

  it('reads x-ms-resource-unit, summed over the answers of a batch', () => {
    const headers = new Headers({ 'x-ms-resource-unit': '2' });
    expect(reportedCost('https://graph/v1.0/users', headers, undefined)).toBe(2);
    expect(reportedCost('https://graph/v1.0/users', new Headers(), undefined)).toBeUndefined();
    const body = {
      responses: [
        { headers: { 'x-ms-resource-unit': '1' } },
        { headers: { 'X-Ms-Resource-Unit': '3' } },
        { headers: {} },
      ],
    };
    expect(reportedCost('https://graph/v1.0/$batch', new Headers(), body)).toBe(4);
  });
});
