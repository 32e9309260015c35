import { randomUUID } from 'node:crypto';
import * as df from 'durable-functions';
import { z } from 'zod';
import { defineActivity } from '../../../shared/durable/activity';
import { defineOrchestration, orchestrationContract } from '../../../shared/durable/orchestration';
import {
  activityTask,
  callActivity,
  callSubOrchestrator,
  firstDone,
} from '../../../shared/durable/orchestratorCalls';
import { startOrchestration } from '../../../shared/durable/startOrchestration';
import { captureDurableRegistrations, LocalDurableRunner } from '../../../local/durable';

/*
 * The typed wrappers run through the real local Durable runner (history in Azurite): what an
 * orchestrator yields via `yield* callActivity(...)` must be exactly what the SDK replays.
 */

const doubleActivity = defineActivity(
  'tdDouble',
  z.object({ n: z.number().int() }),
  async ({ n }) => ({ doubled: n * 2 }),
);

const childOrchestration = defineOrchestration(
  'tdChild',
  z.object({ n: z.number().int() }),
  function* (context, { n }): Generator<df.Task, { child: number }, unknown> {
    const { doubled } = yield* callActivity(context, doubleActivity, { n });
    return { child: doubled };
  },
);

const parentContract = orchestrationContract<z.ZodObject<{ count: z.ZodNumber }>, number>(
  'tdParent',
  z.object({ count: z.number().int().min(1).max(10) }),
);
const parentOrchestration = defineOrchestration(
  parentContract,
  function* (context, { count }): Generator<df.Task, number, unknown> {
    const tasks = Array.from({ length: count }, (_, n) =>
      activityTask(context, doubleActivity, { n }),
    );
    const first = yield* firstDone(context, tasks);
    const all = (yield context.df.Task.all(tasks)) as Array<{ doubled: number }>;
    const { child } = yield* callSubOrchestrator(context, childOrchestration, { n: count });
    return all.reduce((s, r) => s + r.doubled, 0) + child + (first.result ? 0 : 1000);
  },
);

/** An orchestrator with a bug a cast hides: the activity wrapper still refuses the input. */
const castingOrchestration = defineOrchestration(
  'tdCasting',
  z.null(),
  function* (context): Generator<df.Task, unknown, unknown> {
    return yield* callActivity(context, doubleActivity, { n: 'four' } as unknown as { n: number });
  },
);

const registry = captureDurableRegistrations();
for (const a of [doubleActivity]) df.app.activity(a.name, { handler: a.handler });
for (const o of [childOrchestration, parentOrchestration, castingOrchestration])
  df.app.orchestration(o.name, o.handler);

const taskHub = `unit${randomUUID().replace(/-/g, '').slice(0, 12)}`;
let runner: LocalDurableRunner;
beforeEach(() => {
  runner = new LocalDurableRunner({ registry, taskHub, log: () => undefined });
});
afterEach(async () => {
  await runner.stop();
});

test('typed calls: fan-out tasks, a first-done race, a sub-orchestration, typed results', async () => {
  const instanceId = `typed-${randomUUID()}`;
  await startOrchestration(runner, parentContract, { instanceId, input: { count: 4 } });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Completed');
  // 2*(0+1+2+3) from the fan-out + 8 from the child.
  expect(status.output).toBe(12 + 8);
});

test('an orchestration started with a bad input fails, naming the orchestration and field', async () => {
  const instanceId = `bad-${randomUUID()}`;
  await runner.startNew('tdParent', { instanceId, input: { count: 99 } });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Failed');
  expect(String(status.output)).toContain(
    "Orchestration 'tdParent' refused its input: count: Too big: expected number to be <=10",
  );
});

test('startOrchestration refuses a bad input before anything is started', async () => {
  const instanceId = `refused-${randomUUID()}`;
  await expect(
    startOrchestration(runner, parentContract, { instanceId, input: { count: 0 } }),
  ).rejects.toThrow("Orchestration 'tdParent' refused its input: count: Too small");
  await expect(runner.getStatus(instanceId)).resolves.toBeUndefined();
});

test('an activity called with a bad input fails the caller with the wrapper message', async () => {
  const instanceId = `cast-${randomUUID()}`;
  await runner.startNew('tdCasting', { instanceId, input: null });
  const status = await runner.waitForCompletion(instanceId, { timeoutMs: 20000 });
  expect(status.runtimeStatus).toBe('Failed');
  expect(String(status.output)).toContain(
    "Activity 'tdDouble' refused its input: n: Invalid input: expected number, received string",
  );
});

test('inputs are type-checked against the callee schema at compile time', () => {
  // Only the types are under test: these bodies are never run.
  function* typeChecks(context: df.OrchestrationContext): Generator<df.Task, void, unknown> {
    // @ts-expect-error n must be a number
    yield* callActivity(context, doubleActivity, { n: '1' });
    // @ts-expect-error the input needs n
    yield* callActivity(context, doubleActivity, {});
    // @ts-expect-error count must be a number
    yield* callSubOrchestrator(context, parentContract, { count: 'x' });
    const { doubled } = yield* callActivity(context, doubleActivity, { n: 1 });
    // @ts-expect-error the output is a number, not a string
    const s: string = doubled;
    void s;
  }
  expect(typeof typeChecks).toBe('function');
});
