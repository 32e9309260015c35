import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import {
  assertEntityFits,
  assertKey,
  compact,
  fromJsonField,
  parseWith,
  rethrowConflict,
  statusOf,
  toJsonField,
} from './entityCodec';
import { stateTableClient } from './tables';

/**
 * What a tenant's backups include: everything, per category, per module. `knownModules` lists the
 * catalogue as it was when the scope was saved, so modules added later can be told apart from
 * modules the admin switched off.
 */
export const backupScopeSchema = z.object({
  enableAll: z.boolean(),
  categories: z.record(z.string().min(1).max(128), z.boolean()),
  modules: z.record(z.string().min(1).max(128), z.boolean()),
  knownModules: z.array(z.string().min(1).max(128)),
});
export type BackupScope = z.infer<typeof backupScopeSchema>;
export type StoredScope = BackupScope & { tenantId: string; updatedAt: string; etag: string };

const ROW = 'scope';

export class ScopeRepository {
  constructor(readonly table: TableClient = stateTableClient('scopes')) {}

  async get(tenantId: string): Promise<StoredScope | undefined> {
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(
        assertKey('tenant id', tenantId),
        ROW,
      );
      const scope = parseWith(
        backupScopeSchema,
        {
          enableAll: entity.enableAll,
          categories: fromJsonField(entity.categories),
          modules: fromJsonField(entity.modules),
          knownModules: fromJsonField(entity.knownModules),
        },
        `stored scope of tenant ${tenantId}`,
      );
      return { ...scope, tenantId, updatedAt: String(entity.updatedAt ?? ''), etag: entity.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Saves the scope. With `etag` (from `get`) the write only succeeds if nobody changed it since,
   * else ConcurrencyError; without, it overwrites unconditionally.
   */
  async put(
    tenantId: string,
    scope: BackupScope,
    options: { etag?: string; now?: Date } = {},
  ): Promise<StoredScope> {
    assertKey('tenant id', tenantId);
    const valid = parseWith(backupScopeSchema, scope, 'backup scope');
    const updatedAt = (options.now ?? new Date()).toISOString();
    const entity = compact({
      partitionKey: tenantId,
      rowKey: ROW,
      enableAll: valid.enableAll,
      categories: toJsonField('categories', valid.categories),
      modules: toJsonField('modules', valid.modules),
      knownModules: toJsonField('knownModules', valid.knownModules),
      updatedAt,
    });
    assertEntityFits(entity, `scope of tenant ${tenantId}`);
    try {
      const result = options.etag
        ? await this.table.updateEntity(entity, 'Replace', { etag: options.etag })
        : await this.table.upsertEntity(entity, 'Replace');
      return { ...valid, tenantId, updatedAt, etag: result.etag ?? '' };
    } catch (error) {
      return rethrowConflict(error, `The backup scope of tenant ${tenantId}`);
    }
  }

  async delete(tenantId: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(assertKey('tenant id', tenantId), ROW);
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }
}
