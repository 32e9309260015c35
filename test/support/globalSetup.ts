import { startAzurite } from '../../local/azurite';

/** Starts one Azurite (blob + table, in memory) for the whole run; workers inherit its env. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString;
  (globalThis as Record<string, unknown>).__AZURITE__ = azurite;
}
