import { randomUUID } from 'node:crypto';
import {
  HistoryStore,
  InstanceAlreadyRunningError,
  LocalDurableRunner,
  type FunctionRegistry,
} from '../../../../local/durable';
import { loadFixtureRegistry } from '../../../fixtures/orchestrations';

class FakeClock {
  private ms = Date.parse('2024-01-01T00:00:00.000Z');
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

let registry: FunctionRegistry;
let clock: FakeClock;
let runner: LocalDurableRunner;
const taskHub = `unit${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const id = (label: string): string => `${label}-${randomUUID()}`;

beforeAll(() => {
  registry = loadFixtureRegistry();
});

beforeEach(() => {
  clock = new FakeClock();
  runner = new LocalDurableRunner({ registry, taskHub, clock: clock.now, log: () => undefined });
});

afterEach(async () => {
  await runner.stop();
});

test('fan-out/fan-in runs every activity and sums the results', async () => {
  const instanceId = await runner.startNew('fxFanOut', {
    instanceId: id('fan'),
    input: { count: 12 },
  });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toBe((2 * (11 * 12)) / 2);
  expect(status.name).toBe('fxFanOut');
  expect(status.input).toEqual({ count: 12 });
  expect(status.customStatus).toEqual({ phase: 'fanning out', count: 12 });
});

test('sub-orchestrations: results come back and a child failure can be caught', async () => {
  const instanceId = id('parent');
  await runner.startNew('fxParent', { instanceId, input: null });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Completed');
  const output = status.output as { ok: unknown; named: unknown; caught: string };
  // Without an explicit id the child is `${parent}:${sequence number}`.
  expect(output.ok).toEqual({ child: `${instanceId}:0`, doubled: 42 });
  expect(output.named).toEqual({ child: `${instanceId}-named`, doubled: 10 });
  expect(output.caught).toContain('child broke');

  const child = await runner.getStatus(`${instanceId}:0`);
  expect(child?.runtimeStatus).toBe('Completed');
  const failedChild = await runner.getStatus(`${instanceId}:2`);
  expect(failedChild?.runtimeStatus).toBe('Failed');
});

test('an uncaught activity failure fails the instance with the error message', async () => {
  const instanceId = await runner.startNew('fxFailing', {
    instanceId: id('fail'),
    input: 'disk on fire',
  });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Failed');
  expect(String(status.output)).toContain("Activity function 'fxThrow' failed: disk on fire");
});

test('continuation loop: the activity is called until it returns no continuation', async () => {
  const instanceId = await runner.startNew('fxPager', {
    instanceId: id('pager'),
    input: { pages: 4 },
  });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toEqual([0, 1, 10, 11, 20, 21, 30, 31]);
  expect(status.customStatus).toEqual({ pagesRead: 4 });
});

test('continueAsNew starts a fresh execution with the new input', async () => {
  const instanceId = await runner.startNew('fxCounter', {
    instanceId: id('counter'),
    input: { n: 0, max: 5, total: 0 },
  });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toEqual({ executions: 5, total: 2 * (0 + 1 + 2 + 3 + 4) });
});

test('external event wins the race against the timer', async () => {
  const instanceId = await runner.startNew('fxApproval', {
    instanceId: id('approve'),
    input: null,
  });
  await waitForCustomStatus(instanceId, 'awaitingApproval');
  await runner.raiseEvent(instanceId, 'Approval', { by: 'alice' });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toEqual({ approved: { by: 'alice' } });
});

test('the timer wins when the clock moves past it', async () => {
  const instanceId = await runner.startNew('fxApproval', {
    instanceId: id('timeout'),
    input: null,
  });
  await waitForCustomStatus(instanceId, 'awaitingApproval');
  clock.advance(25 * 3600 * 1000);
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toEqual({ approved: false, timedOutAt: '2024-01-02T01:00:00.000Z' });
});

test('an event raised before the orchestrator waits for it is buffered', async () => {
  const instanceId = id('early');
  await runner.startNew('fxStatus', { instanceId, input: null });
  await runner.raiseEvent(instanceId, 'Go', { by: 'early bird' });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.output).toBe('released by early bird');
});

test('custom status is visible through getStatus while the instance runs', async () => {
  const instanceId = await runner.startNew('fxStatus', { instanceId: id('status'), input: null });
  const waiting = await waitForCustomStatus(instanceId, {
    phase: 'waiting',
    since: '2024-01-01T00:00:00.000Z',
  });
  expect(waiting.runtimeStatus).toBe('Running');
  await runner.raiseEvent(instanceId, 'Go', { by: 'bob' });
  const done = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(done.customStatus).toEqual({ phase: 'done' });
  expect(done.output).toBe('released by bob');
});

test('a non-deterministic orchestrator fails with the offending action index', async () => {
  const instanceId = await runner.startNew('fxRandom', { instanceId: id('random'), input: null });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Failed');
  expect(String(status.output)).toMatch(/NonDeterministicOrchestrationError/);
  expect(String(status.output)).toMatch(/action #0 was scheduled as CallActivity 'fxDouble'/);
});

test('singleton: startNew with the id of a running instance throws; getStatus shows it', async () => {
  const instanceId = id('singleton');
  await runner.startNew('fxStatus', { instanceId, input: null });
  await expect(runner.startNew('fxStatus', { instanceId, input: null })).rejects.toBeInstanceOf(
    InstanceAlreadyRunningError,
  );
  await expect(runner.startNew('fxStatus', { instanceId, input: null })).rejects.toThrow(
    /already exists and is (Pending|Running)/,
  );
  expect((await runner.getStatus(instanceId))?.runtimeStatus).toMatch(/Pending|Running/);

  await runner.raiseEvent(instanceId, 'Go', { by: 'first' });
  await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  // A finished instance id can be started again.
  await runner.startNew('fxStatus', { instanceId, input: null });
  await runner.raiseEvent(instanceId, 'Go', { by: 'second' });
  expect((await runner.waitForCompletion(instanceId, { timeoutMs: 20000 })).output).toBe(
    'released by second',
  );
});

test('callActivityWithRetry retries with back-off timers, then gives up after max attempts', async () => {
  const real = new LocalDurableRunner({ registry, taskHub, log: () => undefined });
  try {
    const ok = await real.startNew('fxRetry', {
      instanceId: id('retry-ok'),
      input: { key: randomUUID(), failures: 2, maxAttempts: 3 },
    });
    expect((await real.waitForCompletion(ok, { timeoutMs: 20000 })).output).toEqual({
      attempt: 3,
      after: 6,
    });
    // Same id sequence as the Durable extension produces (verified against the library).
    const doc = (await HistoryStore.forTaskHub(taskHub).readDocument(ok))!.value;
    const trail = doc.history
      .filter((e) => [4, 5, 6, 10, 11].includes(e.EventType))
      .map(
        (e) =>
          `${e.EventType}:${e.EventType === 4 || e.EventType === 10 ? e.EventId : (e.TaskScheduledId ?? e.TimerId)}`,
      );
    expect(trail.join(' ')).toBe('4:0 6:0 10:1 11:1 4:2 6:2 10:3 11:3 4:4 5:4 4:5 5:5');
    const gaveUp = await real.startNew('fxRetry', {
      instanceId: id('retry-fail'),
      input: { key: randomUUID(), failures: 5, maxAttempts: 2 },
    });
    const status = await real.waitForCompletion(gaveUp, { timeoutMs: 20000 });
    expect(status.runtimeStatus).toBe('Completed');
    expect((status.output as { gaveUp: string }).gaveUp).toContain('attempt 2 failed');
  } finally {
    await real.stop();
  }
});

test('terminate ends a running instance and later events are refused', async () => {
  const instanceId = await runner.startNew('fxStatus', { instanceId: id('term'), input: null });
  await runner.terminate(instanceId, 'operator said so');
  const status = await runner.getStatus(instanceId);
  expect(status?.runtimeStatus).toBe('Terminated');
  expect(status?.output).toBe('operator said so');
  await expect(runner.raiseEvent(instanceId, 'Go', {})).rejects.toThrow(/Terminated/);
});

test('unsupported actions and unknown names fail clearly', async () => {
  const instanceId = await runner.startNew('fxEntityUser', {
    instanceId: id('entity'),
    input: null,
  });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Failed');
  expect(String(status.output)).toContain('CallEntity');
  await expect(runner.startNew('nope', { instanceId: id('x'), input: null })).rejects.toThrow(
    /not registered/,
  );
  await expect(runner.startNew('fxStatus', { instanceId: 'a/b', input: null })).rejects.toThrow(
    'Invalid instanceId: instanceId must not contain',
  );
  expect(await runner.getStatus(id('missing'))).toBeUndefined();
});

async function waitForCustomStatus(instanceId: string, expected: unknown) {
  for (let i = 0; i < 400; i++) {
    const status = await runner.getStatus(instanceId);
    if (status && JSON.stringify(status.customStatus) === JSON.stringify(expected)) return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`custom status of ${instanceId} never became ${JSON.stringify(expected)}`);
}
