import type { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { ActivityInputError, defineActivity } from '../../../shared/durable/activity';

const context = {} as InvocationContext;

const addActivity = defineActivity(
  'tdAdd',
  z.object({ a: z.number().int(), b: z.number().int().default(1), tenantId: z.uuid() }),
  async ({ a, b }) => ({ sum: a + b }),
);

test('a valid input reaches the handler parsed: defaults filled, the output returned as is', async () => {
  const tenantId = '5b1f3c9e-2a4d-4e6f-8a1b-3c5d7e9f0a2b';
  await expect(addActivity.handler({ a: 2, tenantId }, context)).resolves.toEqual({ sum: 3 });
  await expect(addActivity.handler({ a: 2, b: 5, tenantId }, context)).resolves.toEqual({
    sum: 7,
  });
});

test('a bad input is refused before the work runs, naming the activity and each invalid field', async () => {
  let ran = false;
  const activity = defineActivity(
    'tdRefuses',
    z.object({ id: z.uuid(), n: z.number() }),
    async () => {
      ran = true;
      return 1;
    },
  );
  const secretLooking = 'not-a-guid-but-could-be-a-token';
  const error: unknown = await activity
    .handler({ id: secretLooking, n: 'three' }, context)
    .catch((e: unknown) => e);
  expect(ran).toBe(false);
  expect(error).toBeInstanceOf(ActivityInputError);
  const message = (error as Error).message;
  expect(message).toMatch(/^Activity 'tdRefuses' refused its input: /);
  expect(message).toContain('id: Invalid UUID');
  expect(message).toMatch(/n: Invalid input: expected number, received string/);
  // The refused value itself never appears (inputs may carry ids or secrets).
  expect(message).not.toContain(secretLooking);
});

test('an input that is not an object at all is refused with a message for the whole input', async () => {
  await expect(addActivity.handler(undefined, context)).rejects.toThrow(
    /^Activity 'tdAdd' refused its input: \(input\): Invalid input: expected object, received undefined$/,
  );
});

test('the output type is the handler result type', async () => {
  const out = await addActivity.handler(
    { a: 1, tenantId: '5b1f3c9e-2a4d-4e6f-8a1b-3c5d7e9f0a2b' },
    context,
  );
  const sum: number = out.sum;
  // @ts-expect-error the output has no property `total`
  expect(out.total).toBeUndefined();
  expect(sum).toBe(2);
});
