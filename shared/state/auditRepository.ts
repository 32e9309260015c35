import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import {
  assertEntityFits,
  assertKey,
  fromJsonField,
  MAX_JSON_FIELD_BYTES,
  parseWith,
  truncateText,
} from './entityCodec';
import { reverseTimeKey } from './jobRepository';
import { stateTableClient } from './tables';

/**
 * The audit trail: one row per mutating action, PartitionKey tenantId, RowKey reverse time (newest
 * first). Rows are kept at least 30 days; nothing here deletes them. Oversized details are
 * replaced by a marker instead of refusing the row: an audit write must never block the action.
 */
export const auditInputSchema = z.object({
  tenantId: z.string().min(1).max(128),
  actor: z.string().min(1).max(512),
  action: z.string().min(1).max(128),
  target: z.string().max(1024),
  outcome: z.string().min(1).max(128),
  details: z.unknown().optional(),
});
export type AuditInput = z.infer<typeof auditInputSchema>;
export interface AuditEntry extends AuditInput {
  id: string;
  at: string;
}

export interface AuditListOptions {
  /** Only entries at or after this time. */
  since?: Date;
  /** Default 1000, at most 10000. */
  limit?: number;
}

function detailsField(details: unknown): string | undefined {
  if (details === undefined) return undefined;
  const json = JSON.stringify(details, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  if (json === undefined) return undefined;
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes < MAX_JSON_FIELD_BYTES) return json;
  return JSON.stringify({ truncated: true, bytes, preview: json.slice(0, 2000) });
}

export class AuditRepository {
  constructor(readonly table: TableClient = stateTableClient('audit')) {}

  async record(input: AuditInput, now: Date = new Date()): Promise<AuditEntry> {
    const entry = parseWith(auditInputSchema, input, 'audit entry');
    const id = `${reverseTimeKey(now)}-${randomBytes(4).toString('hex')}`;
    const at = now.toISOString();
    const entity = {
      partitionKey: assertKey('tenant id', entry.tenantId),
      rowKey: id,
      at,
      actor: entry.actor,
      action: entry.action,
      target: truncateText(entry.target, 1024) ?? '',
      outcome: entry.outcome,
      ...(entry.details !== undefined ? { details: detailsField(entry.details) } : {}),
    };
    assertEntityFits(entity, `audit entry of tenant ${entry.tenantId}`);
    await this.table.createEntity(entity);
    return { ...entry, id, at };
  }

  /** A tenant's audit entries, newest first. */
  async list(tenantId: string, options: AuditListOptions = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 1000), 1), 10000);
    let filter = odata`PartitionKey eq ${assertKey('tenant id', tenantId)}`;
    // Rows at or after `since` have reverse keys at or below since's; '~' sorts after the suffix.
    if (options.since) filter += ` and ${odata`RowKey le ${`${reverseTimeKey(options.since)}-~`}`}`;
    const entries: AuditEntry[] = [];
    const pages = this.table
      .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
      .byPage({ maxPageSize: Math.min(limit, 1000) });
    for await (const page of pages) {
      for (const entity of page) {
        entries.push(fromEntity(entity));
        if (entries.length >= limit) return entries;
      }
    }
    return entries;
  }
}

function fromEntity(entity: TableEntityResult<Record<string, unknown>>): AuditEntry {
  return {
    id: String(entity.rowKey),
    at: String(entity.at),
    tenantId: String(entity.partitionKey),
    actor: String(entity.actor ?? ''),
    action: String(entity.action ?? ''),
    target: String(entity.target ?? ''),
    outcome: String(entity.outcome ?? ''),
    details: fromJsonField(entity.details),
  };
}
