import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import {
  assertEntityFits,
  assertKey,
  compact,
  statusOf,
  fromJsonField,
  MAX_JSON_FIELD_BYTES,
  parseWith,
  truncateText,
} from './entityCodec';
import { reverseTimeKey } from './jobRepository';
import { stateTableClient } from './tables';

/**
 * The audit trail: one row per mutating action, PartitionKey tenantId, RowKey reverse time (newest
 * first). Rows are kept at least 30 days (AUDIT_RETENTION_DAYS, default 90; the retention timer
 * calls purgeOlderThan). Oversized details are
 * replaced by a marker instead of refusing the row: an audit write must never block the action.
 */
export const auditInputSchema = z.object({
  tenantId: z.string().min(1).max(128),
  actor: z.string().min(1).max(512),
  action: z.string().min(1).max(128),
  target: z.string().max(1024),
  outcome: z.string().min(1).max(128),
  details: z.unknown().optional(),
  /** Who, beyond `actor` (the token subject or `cli:<user>`): object id, client app id, name. */
  actorObjectId: z.string().max(128).optional(),
  actorAppId: z.string().max(128).optional(),
  actorName: z.string().max(512).optional(),
  /** From where: the client address over HTTP, `cli@<host>` for the CLI. */
  source: z.string().max(256).optional(),
});
export type AuditInput = z.infer<typeof auditInputSchema>;
export interface AuditEntry extends AuditInput {
  id: string;
  at: string;
}

export interface AuditListOptions {
  /** Only entries at or after this time. */
  since?: Date;
  /** Only entries before this time. */
  until?: Date;
  /** Entries whose actor, actor object id, app id or name is exactly this. */
  actor?: string;
  /** Entries whose action is exactly this, or starts with it when it ends in `*`. */
  action?: string;
  /** Paging: only entries after this id (ids sort newest first across every tenant). */
  after?: string;
  /** Default 1000, at most 10000. */
  limit?: number;
}

/** Where rows with no managed tenant go (sign-ins, calls that name none). */
export const GLOBAL_AUDIT_PARTITION = 'global';
/** Audit rows are kept at least this long; the retention setting cannot go lower. */
export const MIN_AUDIT_RETENTION_DAYS = 30;
export const DEFAULT_AUDIT_RETENTION_DAYS = 90;

/** AUDIT_RETENTION_DAYS, at least 30, default 90. */
export function auditRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AUDIT_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_AUDIT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < MIN_AUDIT_RETENTION_DAYS || days > 36500) {
    throw new Error(
      `AUDIT_RETENTION_DAYS must be a whole number of days from ${MIN_AUDIT_RETENTION_DAYS} to 36500 (got "${raw}").`,
    );
  }
  return days;
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
    return this.write(input, now, randomBytes(4).toString('hex'));
  }

  /**
   * Records a row keyed by `key` (hex), once: a second call with the same time and key (another
   * instance, a retry) finds the row there and returns false. Used for sign-ins.
   */
  async recordOnce(input: AuditInput, at: Date, key: string): Promise<boolean> {
    if (!/^[0-9a-f]{8,64}$/.test(key)) throw new Error('audit key must be 8-64 hex digits');
    try {
      await this.write(input, at, key);
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  private async write(input: AuditInput, now: Date, suffix: string): Promise<AuditEntry> {
    const entry = parseWith(auditInputSchema, input, 'audit entry');
    const id = `${reverseTimeKey(now)}-${suffix}`;
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
      ...compact({
        actorObjectId: entry.actorObjectId,
        actorAppId: entry.actorAppId,
        actorName: entry.actorName,
        source: entry.source,
      }),
    };
    assertEntityFits(entity, `audit entry of tenant ${entry.tenantId}`);
    await this.table.createEntity(entity);
    return { ...entry, id, at };
  }

  /** A tenant's audit entries, newest first. */
  async list(tenantId: string, options: AuditListOptions = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 1000), 1), 10000);
    const filter = `${odata`PartitionKey eq ${assertKey('tenant id', tenantId)}`}${rowFilter(options)}`;
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

  /**
   * Entries of several partitions (tenants, `global`), newest first, merged by id: ids are
   * reverse-time keys, so one order holds across partitions and `after` pages through all.
   */
  async query(
    partitions: readonly string[],
    options: AuditListOptions = {},
  ): Promise<{ entries: AuditEntry[]; more: boolean }> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 1000), 1), 10000);
    const lists = await Promise.all(
      [...new Set(partitions)].map((p) => this.list(p, { ...options, limit: limit + 1 })),
    );
    const merged = lists.flat().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { entries: merged.slice(0, limit), more: merged.length > limit };
  }

  /** Deletes every row older than `cutoff` (all partitions); returns how many. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    const filter = odata`RowKey gt ${`${reverseTimeKey(cutoff)}-~`}`;
    let deleted = 0;
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter, select: ['PartitionKey', 'RowKey'] },
    });
    for await (const row of rows) {
      try {
        await this.table.deleteEntity(String(row.partitionKey), String(row.rowKey));
        deleted++;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
    return deleted;
  }
}

function rowFilter(options: AuditListOptions): string {
  let filter = '';
  // Rows at or after `since` have reverse keys at or below since's; '~' sorts after the suffix.
  if (options.since) filter += ` and ${odata`RowKey le ${`${reverseTimeKey(options.since)}-~`}`}`;
  if (options.until) filter += ` and ${odata`RowKey gt ${`${reverseTimeKey(options.until)}-~`}`}`;
  if (options.after) filter += ` and ${odata`RowKey gt ${options.after}`}`;
  if (options.actor) {
    const a = options.actor;
    filter += ` and ${odata`(actor eq ${a} or actorObjectId eq ${a} or actorAppId eq ${a} or actorName eq ${a})`}`;
  }
  if (options.action?.endsWith('*')) {
    const prefix = options.action.slice(0, -1);
    filter += ` and ${odata`action ge ${prefix} and action lt ${`${prefix}~`}`}`;
  } else if (options.action) {
    filter += ` and ${odata`action eq ${options.action}`}`;
  }
  return filter;
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
    ...(compact({
      actorObjectId: optionalString(entity.actorObjectId),
      actorAppId: optionalString(entity.actorAppId),
      actorName: optionalString(entity.actorName),
      source: optionalString(entity.source),
    }) as Partial<AuditEntry>),
  };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
