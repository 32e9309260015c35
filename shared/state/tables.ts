import type { TableClient } from '@azure/data-tables';
import { createTableClient } from '../config/storage';

/**
 * State tables. `STATE_TABLE_PREFIX` (letters/digits) lets tests or side-by-side deployments
 * share one storage account without sharing rows.
 */
export const TABLE_NAMES = {
  tenants: 'tenants',
  scopes: 'backupScopes',
  schedules: 'schedules',
  jobs: 'jobs',
  audit: 'auditLog',
  onboarding: 'onboardingStates',
  leases: 'tenantLeases',
} as const;
export type StateTable = keyof typeof TABLE_NAMES;

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;

export function defaultTablePrefix(): string {
  return process.env.STATE_TABLE_PREFIX?.trim() ?? '';
}

export function tableName(table: StateTable, prefix: string = defaultTablePrefix()): string {
  const name = `${prefix}${TABLE_NAMES[table]}`;
  if (!TABLE_NAME.test(name)) {
    throw new Error(
      `Invalid table name "${name}": 3-63 letters or digits, starting with a letter.`,
    );
  }
  return name;
}

export function stateTableClient(table: StateTable, prefix?: string): TableClient {
  return createTableClient(tableName(table, prefix));
}

async function createIfMissing(client: TableClient): Promise<void> {
  try {
    await client.createTable();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 409) throw error;
  }
}

/** Creates every state table that does not exist yet. */
export async function ensureTables(prefix?: string): Promise<void> {
  await Promise.all(
    (Object.keys(TABLE_NAMES) as StateTable[]).map((t) =>
      createIfMissing(stateTableClient(t, prefix)),
    ),
  );
}
