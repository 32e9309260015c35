import * as df from 'durable-functions';
import {
  ActionType,
  actionInput,
  flattenActions,
  retryDelayMs,
  sameSignature,
  signatureOf,
  type RawAction,
} from '../../../../local/durable/actions';

const activity = (name: string, input: unknown): RawAction => ({
  actionType: ActionType.CallActivity,
  functionName: name,
  input: typeof input === 'string' ? JSON.stringify(input) : input,
});

test('flattens WhenAll/WhenAny depth-first and keeps each action object once', () => {
  const a = activity('a', 1);
  const b = activity('b', 2);
  const wait: RawAction = { actionType: ActionType.WaitForExternalEvent, externalEventName: 'E' };
  const timer: RawAction = { actionType: ActionType.CreateTimer, fireAt: new Date(0) };
  const actions = [
    [
      a,
      {
        actionType: ActionType.WhenAll,
        compoundActions: [b, { actionType: ActionType.WhenAny, compoundActions: [wait, timer] }],
      },
      // `a` yielded again inside a new Task.any is the same object: not a new action.
      { actionType: ActionType.WhenAny, compoundActions: [a, wait] },
    ],
  ];
  expect(flattenActions(actions)).toEqual([a, b, wait, timer]);
});

test('signatures: timer cancellation does not change a timer, inputs and names do', () => {
  const timer: RawAction = {
    actionType: ActionType.CreateTimer,
    fireAt: new Date(1000),
    isCanceled: false,
  };
  const canceled = { ...timer, isCanceled: true };
  expect(sameSignature(signatureOf(timer), signatureOf(canceled))).toBe(true);
  expect(sameSignature(signatureOf(activity('a', 1)), signatureOf(activity('a', 2)))).toBe(false);
  expect(sameSignature(signatureOf(activity('a', 1)), signatureOf(activity('b', 1)))).toBe(false);
});

test('activity string inputs are JSON-encoded by durable-functions and decoded here', () => {
  expect(actionInput(activity('a', 'text'))).toBe('text');
  expect(actionInput(activity('a', { x: 1 }))).toEqual({ x: 1 });
  const sub: RawAction = {
    actionType: ActionType.CallSubOrchestrator,
    functionName: 's',
    input: 'raw',
  };
  expect(actionInput(sub)).toBe('raw');
});

test('retry delay follows first interval, backoff coefficient and cap', () => {
  const options = new df.RetryOptions(100, 5);
  options.backoffCoefficient = 2;
  options.maxRetryIntervalInMilliseconds = 350;
  expect([1, 2, 3, 4].map((n) => retryDelayMs(options, n))).toEqual([100, 200, 350, 350]);
});
