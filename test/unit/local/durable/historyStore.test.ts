import { randomUUID } from 'node:crypto';
import { ConcurrentUpdateError, HistoryStore } from '../../../../local/durable';
import { newInstanceDocument } from '../../../../local/durable/instanceDocument';

const store = HistoryStore.forTaskHub(`store${randomUUID().replace(/-/g, '').slice(0, 10)}`);

beforeAll(() => store.ensureReady());

test('round-trips the document and row; stale ETags are refused', async () => {
  const instanceId = `i-${randomUUID()}`;
  const doc = newInstanceDocument('orch', instanceId, '{"a":1}', new Date('2024-01-01T00:00:00Z'));
  const docEtag = await store.writeDocument(doc, undefined);
  const rowEtag = await store.writeRow(doc, undefined);

  const read = await store.readDocument(instanceId);
  expect(read?.value).toEqual(doc);
  expect(read?.etag).toBe(docEtag);
  const row = await store.readRow(instanceId);
  expect(row?.value).toMatchObject({ name: 'orch', runtimeStatus: 'Pending', input: '{"a":1}' });
  expect((await store.listActiveRows()).map((r) => r.instanceId)).toContain(instanceId);

  doc.runtimeStatus = 'Completed';
  doc.output = JSON.stringify('x'.repeat(40_000));
  const newDocEtag = await store.writeDocument(doc, docEtag);
  await store.writeRow(doc, rowEtag);
  await expect(store.writeDocument(doc, docEtag)).rejects.toBeInstanceOf(ConcurrentUpdateError);
  await expect(store.writeRow(doc, rowEtag)).rejects.toBeInstanceOf(ConcurrentUpdateError);
  await expect(store.writeRow(doc, undefined)).rejects.toBeInstanceOf(ConcurrentUpdateError);
  expect(newDocEtag).not.toBe(docEtag);

  // Too large for a table property: the row says so and keeps the value out.
  const updated = await store.readRow(instanceId);
  expect(updated?.value.largeValuesInDocument).toBe(true);
  expect(updated?.value.output).toBeUndefined();
  expect((await store.listActiveRows()).map((r) => r.instanceId)).not.toContain(instanceId);
  expect(await store.readRow(`missing-${randomUUID()}`)).toBeUndefined();
  expect(await store.readDocument(`missing-${randomUUID()}`)).toBeUndefined();
});
