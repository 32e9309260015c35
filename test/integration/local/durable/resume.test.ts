import { randomUUID } from 'node:crypto';
import { HistoryStore, LocalDurableRunner, type FunctionRegistry } from '../../../../local/durable';
import { loadFixtureRegistry } from '../../../fixtures/orchestrations';
import {
  executionCounts,
  hangFirstExecutionOf,
} from '../../../fixtures/orchestrations/resumableProbe';

let registry: FunctionRegistry;
const taskHub = `resume${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const quiet = { log: () => undefined };

beforeAll(() => {
  registry = loadFixtureRegistry();
});

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a run killed mid-way resumes in a new runner without re-running completed activities', async () => {
  // Reference: the same orchestration, uninterrupted.
  const reference = new LocalDurableRunner({ registry, taskHub, ...quiet });
  const referenceRun = randomUUID();
  await reference.startNew('fxResumable', {
    instanceId: `ref-${referenceRun}`,
    input: { runId: referenceRun },
  });
  const expected = await reference.waitForCompletion(`ref-${referenceRun}`, { timeoutMs: 30000 });
  await reference.stop();
  expect(expected.runtimeStatus).toBe('Completed');
  expect(await executionCounts(referenceRun)).toEqual({ 0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 });

  // Crash: item 4's first execution never returns, and the process "dies" while it runs.
  const runId = randomUUID();
  const instanceId = `crash-${runId}`;
  hangFirstExecutionOf(runId, 4);
  const first = new LocalDurableRunner({ registry, taskHub, ...quiet });
  await first.startNew('fxResumable', { instanceId, input: { runId } });
  await eventually(
    async () => ((await executionCounts(runId))[4] === 1 ? true : undefined),
    'item 4 to start',
  );
  const midway = await first.getStatus(instanceId);
  expect(midway?.runtimeStatus).toBe('Running');
  expect(midway?.customStatus).toEqual({ phase: 'sequential' });
  first.simulateCrash();

  // A new runner (new process in real life) picks the instance up from storage.
  const second = new LocalDurableRunner({ registry, taskHub, ...quiet });
  await second.resumePending();
  const resumed = await second.waitForCompletion(instanceId, { timeoutMs: 30000 });
  await second.stop();

  expect(resumed.runtimeStatus).toBe('Completed');
  expect(resumed.output).toEqual(expected.output);
  // Completed activities ran once; the interrupted one ran again (at-least-once).
  expect(await executionCounts(runId)).toEqual({ 0: 1, 1: 1, 2: 1, 3: 1, 4: 2, 5: 1 });
});

test('a crash during fan-out keeps the finished branches and reruns only the unfinished one', async () => {
  const runId = randomUUID();
  const instanceId = `fan-crash-${runId}`;
  hangFirstExecutionOf(runId, 2);
  const first = new LocalDurableRunner({ registry, taskHub, ...quiet });
  await first.startNew('fxResumable', { instanceId, input: { runId } });
  // Crash only once the three finished branches are persisted (inbox or history).
  const store = HistoryStore.forTaskHub(taskHub);
  await eventually(async () => {
    const doc = (await store.readDocument(instanceId))?.value;
    const completed = [...(doc?.history ?? []), ...(doc?.inbox ?? [])].filter(
      (e) => e.EventType === 5,
    );
    return completed.length === 3 ? true : undefined;
  }, 'three fan-out branches to be persisted');
  expect((await executionCounts(runId))[2]).toBe(1);
  first.simulateCrash();

  const second = new LocalDurableRunner({ registry, taskHub, ...quiet });
  await second.resumePending();
  const resumed = await second.waitForCompletion(instanceId, { timeoutMs: 30000 });
  await second.stop();
  expect(resumed.output).toEqual({ values: [0, 1, 4, 9, 16, 25], sum: 55 });
  expect(await executionCounts(runId)).toEqual({ 0: 1, 1: 1, 2: 2, 3: 1, 4: 1, 5: 1 });
});
