import { BlobServiceClient } from '@azure/storage-blob';
import { TableClient } from '@azure/data-tables';

describe('Azurite started by the jest global setup', () => {
  const connectionString = process.env.AzureWebJobsStorage ?? '';

  it('exposes a loopback connection string to every test file', () => {
    expect(connectionString).toMatch(/BlobEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/);
    expect(connectionString).toMatch(/TableEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/);
  });

  it('stores and returns a blob', async () => {
    const container =
      BlobServiceClient.fromConnectionString(connectionString).getContainerClient('azurite-smoke');
    await container.createIfNotExists();
    const blob = container.getBlockBlobClient('hello.txt');
    await blob.upload('hello', 5);
    expect((await blob.downloadToBuffer()).toString()).toBe('hello');
  });

  it('stores and returns a table entity', async () => {
    const table = TableClient.fromConnectionString(connectionString, 'azuritesmoke', {
      allowInsecureConnection: true,
    });
    await table.createTable();
    await table.upsertEntity({ partitionKey: 'p', rowKey: 'r', value: 42 });
    const entity = await table.getEntity<{ value: number }>('p', 'r');
    expect(entity.value).toBe(42);
  });
});
