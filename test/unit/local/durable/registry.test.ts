import { app } from '@azure/functions';
import { captureDurableRegistrations, isInFunctionsHost } from '../../../../local/durable';

test('captures df.app orchestrations and activities through app.generic, idempotently', async () => {
  const registry = captureDurableRegistrations();
  expect(captureDurableRegistrations()).toBe(registry);
  const patched = app.generic;
  captureDurableRegistrations();
  expect(app.generic).toBe(patched);

  // Imported after capture, as function files must be.
  const df = await import('durable-functions');
  df.app.activity('regEcho', { handler: (x: unknown) => x });
  df.app.orchestration('regOrchestrator', function* (context) {
    return yield context.df.callActivity('regEcho', 1);
  });
  expect(registry.activities.has('regEcho')).toBe(true);
  expect(registry.orchestrators.has('regOrchestrator')).toBe(true);
  // The captured handler is durable-functions' wrapper around ours.
  await expect(registry.activities.get('regEcho')!('x', {} as never)).resolves.toBe('x');
  expect(isInFunctionsHost()).toBe(false);
});
