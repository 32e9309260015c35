import { randomBytes, randomUUID } from 'node:crypto';
import {
  TenantLeaseRepository,
  ensureTables,
  stateTableClient,
  type LeaseRequest,
} from '../../../shared/state';

// Own tables per test file, so files can run in parallel against one Azurite.
const prefix = `t${randomBytes(4).toString('hex')}`;
const leases = new TenantLeaseRepository(stateTableClient('leases', prefix));

beforeAll(async () => {
  await ensureTables(prefix);
});

const request = (tenantId: string, jobId: string, ttlMs = 3600_000): LeaseRequest => ({
  tenantId,
  kind: 'backup',
  jobId,
  instanceId: `backup-${tenantId}`,
  ttlMs,
});
const live = async () => true;
const ended = async () => false;

describe('TenantLeaseRepository against Azurite', () => {
  it('ten takers at once: exactly one wins, the others are told who holds it', async () => {
    const tenantId = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => leases.acquire(request(tenantId, `job-${i}`), live)),
    );
    const winners = outcomes.filter((o) => o.acquired);
    expect(winners).toHaveLength(1);
    const winner = winners[0].acquired ? winners[0].lease.jobId : '';
    for (const o of outcomes) {
      if (!o.acquired) expect(o.holder.jobId).toBe(winner);
    }
    expect((await leases.get(tenantId, 'backup'))?.jobId).toBe(winner);
  });

  it('taking it again with the same job id is idempotent and writes nothing', async () => {
    const tenantId = randomUUID();
    const first = await leases.acquire(request(tenantId, 'job-a'), live);
    expect(first.acquired).toBe(true);
    const again = await leases.acquire(request(tenantId, 'job-a'), ended);
    expect(again).toEqual({ acquired: true, lease: first.acquired ? first.lease : undefined });
    expect((await leases.get(tenantId, 'backup'))?.etag).toBe(
      first.acquired ? first.lease.etag : '',
    );
  });

  it('a live holder keeps it; an ended or expired holder loses it; kinds are separate', async () => {
    const tenantId = randomUUID();
    expect((await leases.acquire(request(tenantId, 'job-a'), live)).acquired).toBe(true);
    const refused = await leases.acquire(request(tenantId, 'job-b'), live);
    expect(refused).toMatchObject({ acquired: false, holder: { jobId: 'job-a' } });
    // The other kind of the same tenant is a different lease.
    const restore = await leases.acquire({ ...request(tenantId, 'job-r'), kind: 'restore' }, live);
    expect(restore.acquired).toBe(true);

    const takenOver = await leases.acquire(request(tenantId, 'job-b'), ended);
    expect(takenOver).toMatchObject({ acquired: true, lease: { jobId: 'job-b' } });

    const short = randomUUID();
    const t0 = new Date('2026-12-04T10:00:00Z');
    expect((await leases.acquire(request(short, 'job-a', 60_000), live, t0)).acquired).toBe(true);
    const beforeExpiry = new Date(t0.getTime() + 59_000);
    expect((await leases.acquire(request(short, 'job-b'), live, beforeExpiry)).acquired).toBe(
      false,
    );
    const afterExpiry = new Date(t0.getTime() + 60_000);
    expect(await leases.acquire(request(short, 'job-b'), live, afterExpiry)).toMatchObject({
      acquired: true,
      lease: { jobId: 'job-b' },
    });
  });

  it('ten takers of one stale lease at once: one takeover wins (If-Match)', async () => {
    const tenantId = randomUUID();
    expect((await leases.acquire(request(tenantId, 'old'), live)).acquired).toBe(true);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        leases.acquire(request(tenantId, `new-${i}`), async (holder) => holder.jobId !== 'old'),
      ),
    );
    expect(outcomes.filter((o) => o.acquired)).toHaveLength(1);
  });

  it('release: only by the holder, idempotent, and the next taker gets it', async () => {
    const tenantId = randomUUID();
    expect((await leases.acquire(request(tenantId, 'job-a'), live)).acquired).toBe(true);
    expect(await leases.release(tenantId, 'backup', 'job-b')).toBe(false);
    expect((await leases.get(tenantId, 'backup'))?.jobId).toBe('job-a');
    expect(await leases.release(tenantId, 'backup', 'job-a')).toBe(true);
    // A replayed release (the activity ran twice) changes nothing.
    expect(await leases.release(tenantId, 'backup', 'job-a')).toBe(false);
    expect(await leases.get(tenantId, 'backup')).toBeUndefined();
    expect((await leases.acquire(request(tenantId, 'job-b'), live)).acquired).toBe(true);
    // The job that lost its lease to a takeover cannot release the new holder's.
    expect(await leases.release(tenantId, 'backup', 'job-a')).toBe(false);
    expect((await leases.get(tenantId, 'backup'))?.jobId).toBe('job-b');
  });
});
