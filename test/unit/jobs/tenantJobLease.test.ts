import type {
  OrchestrationClient,
  OrchestrationStatus,
} from '../../../shared/api/orchestrationClient';
import { isInstanceAlreadyRunning } from '../../../shared/durable/startOrchestration';
import { START_GRACE_MS, orchestrationHolderCheck } from '../../../shared/jobs/tenantJobLease';
import type { StoredTenantLease } from '../../../shared/state/tenantLease';
import { InstanceAlreadyRunningError } from '../../../local/durable/errors';

const now = new Date('2026-12-04T12:00:00Z');
const lease = (acquiredMsAgo: number): StoredTenantLease => ({
  tenantId: '11111111-1111-4111-8111-111111111111',
  kind: 'backup',
  jobId: '20261204T115900000Z-ab12',
  instanceId: 'backup-11111111-1111-4111-8111-111111111111',
  acquiredAt: new Date(now.getTime() - acquiredMsAgo).toISOString(),
  expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
  etag: 'W/"1"',
});

/** One unit under test: a client that answers one fixed status. */
function clientAnswering(status: Partial<OrchestrationStatus> | undefined): OrchestrationClient {
  return {
    startNew: async () => '',
    getStatus: async () => status as OrchestrationStatus | undefined,
    raiseEvent: async () => undefined,
    terminate: async () => undefined,
  };
}

describe('orchestrationHolderCheck', () => {
  const job = { jobId: '20261204T115900000Z-ab12' };

  it.each([
    ['Running', true],
    ['Pending', true],
    ['ContinuedAsNew', true],
    ['Completed', false],
    ['Failed', false],
    ['Terminated', false],
  ] as const)('a holder whose orchestration is %s is live: %s', async (runtimeStatus, live) => {
    const check = orchestrationHolderCheck(clientAnswering({ runtimeStatus, input: job }), now);
    expect(await check(lease(START_GRACE_MS * 10))).toBe(live);
  });

  it('a holder not started yet is live for the start grace only', async () => {
    const check = orchestrationHolderCheck(clientAnswering(undefined), now);
    expect(await check(lease(1000))).toBe(true);
    expect(await check(lease(START_GRACE_MS))).toBe(false);
  });

  it('the reused backup instance running another job does not make this holder live', async () => {
    const other = {
      runtimeStatus: 'Running' as const,
      input: { jobId: '20261204T110000000Z-zz99' },
    };
    const check = orchestrationHolderCheck(clientAnswering(other), now);
    expect(await check(lease(START_GRACE_MS * 2))).toBe(false);
    expect(await check(lease(10))).toBe(true);
  });
});

describe('isInstanceAlreadyRunning', () => {
  it('knows the local runner and the Durable extension answers, and nothing else', () => {
    expect(isInstanceAlreadyRunning(new InstanceAlreadyRunningError('backup-x', 'Pending'))).toBe(
      true,
    );
    expect(
      isInstanceAlreadyRunning(
        new Error('An Orchestration instance with the status Running already exists.'),
      ),
    ).toBe(true);
    expect(isInstanceAlreadyRunning(new Error('Orchestrator function x is not registered.'))).toBe(
      false,
    );
    expect(isInstanceAlreadyRunning('already exists')).toBe(false);
  });
});
