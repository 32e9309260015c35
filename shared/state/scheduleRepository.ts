import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import {
  assertEntityFits,
  assertKey,
  compact,
  numberField,
  parseWith,
  rethrowConflict,
  statusOf,
} from './entityCodec';
import { stateTableClient } from './tables';

/** Backup schedules. A timer trigger calls `listDue(now)` and `markRun` for each one it starts. */
export const MIN_INTERVAL_MINUTES = 15;
export const MAX_INTERVAL_MINUTES = 10080;

// Normalised to UTC `toISOString()` form so the string comparison in listDue is time order.
const isoDateTime = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

export const scheduleSchema = z.object({
  tenantId: z.string().min(1).max(128),
  scheduleId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1-64 letters, digits, _ or -'),
  intervalMinutes: z.number().int().min(MIN_INTERVAL_MINUTES).max(MAX_INTERVAL_MINUTES),
  /** Every Nth run is a full (non-delta) backup. */
  fullEveryN: z.number().int().min(1).max(10000).optional(),
  enabled: z.boolean(),
  nextRunAt: isoDateTime,
  lastRunAt: isoDateTime.optional(),
  /** Runs so far; drives fullEveryN. */
  runCount: z.number().int().nonnegative().optional(),
});
export type Schedule = z.infer<typeof scheduleSchema>;
/** nextRunAt defaults to now (due at the next timer tick). */
export type ScheduleInput = Omit<Schedule, 'nextRunAt' | 'runCount' | 'lastRunAt'> &
  Partial<Pick<Schedule, 'nextRunAt' | 'runCount' | 'lastRunAt'>>;
export type StoredSchedule = Schedule & { etag: string };

export class ScheduleRepository {
  constructor(readonly table: TableClient = stateTableClient('schedules')) {}

  /** Creates or replaces a schedule; run history (lastRunAt, runCount) is kept unless given. */
  async upsert(input: ScheduleInput, now: Date = new Date()): Promise<StoredSchedule> {
    const existing =
      typeof input?.tenantId === 'string' && typeof input?.scheduleId === 'string'
        ? await this.get(input.tenantId, input.scheduleId).catch(() => undefined)
        : undefined;
    const schedule = parseWith(
      scheduleSchema,
      {
        ...input,
        nextRunAt: input.nextRunAt ?? now.toISOString(),
        lastRunAt: input.lastRunAt ?? existing?.lastRunAt,
        runCount: input.runCount ?? existing?.runCount,
      },
      'schedule',
    );
    return this.write(schedule);
  }

  async get(tenantId: string, scheduleId: string): Promise<StoredSchedule | undefined> {
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(
        assertKey('tenant id', tenantId),
        assertKey('schedule id', scheduleId),
      );
      return fromEntity(entity);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async list(tenantId: string): Promise<StoredSchedule[]> {
    return this.query(odata`PartitionKey eq ${assertKey('tenant id', tenantId)}`);
  }

  /** Enabled schedules of every tenant whose nextRunAt is at or before `now`, oldest first. */
  async listDue(now: Date): Promise<StoredSchedule[]> {
    const due = await this.query(odata`enabled eq true and nextRunAt le ${now.toISOString()}`);
    return due.sort((a, b) => a.nextRunAt.localeCompare(b.nextRunAt));
  }

  /**
   * Records a run and moves nextRunAt to the first slot after `now` on the schedule's cadence
   * (missed slots are skipped, not replayed). ETag-guarded: a concurrent run gets ConcurrencyError.
   */
  async markRun(schedule: StoredSchedule, now: Date): Promise<StoredSchedule> {
    const step = schedule.intervalMinutes * 60_000;
    let next = Date.parse(schedule.nextRunAt);
    if (!(next > now.getTime())) next += (Math.floor((now.getTime() - next) / step) + 1) * step;
    const updated = parseWith(
      scheduleSchema,
      {
        ...withoutEtag(schedule),
        nextRunAt: new Date(next).toISOString(),
        lastRunAt: now.toISOString(),
        runCount: (schedule.runCount ?? 0) + 1,
      },
      'schedule',
    );
    return this.write(updated, schedule.etag);
  }

  async delete(tenantId: string, scheduleId: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(
        assertKey('tenant id', tenantId),
        assertKey('schedule id', scheduleId),
      );
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  private async write(schedule: Schedule, etag?: string): Promise<StoredSchedule> {
    const entity = compact({
      partitionKey: assertKey('tenant id', schedule.tenantId),
      rowKey: schedule.scheduleId,
      intervalMinutes: schedule.intervalMinutes,
      fullEveryN: schedule.fullEveryN,
      enabled: schedule.enabled,
      nextRunAt: schedule.nextRunAt,
      lastRunAt: schedule.lastRunAt,
      runCount: schedule.runCount,
    });
    assertEntityFits(entity, `schedule ${schedule.tenantId}/${schedule.scheduleId}`);
    try {
      const result = etag
        ? await this.table.updateEntity(entity, 'Replace', { etag })
        : await this.table.upsertEntity(entity, 'Replace');
      return { ...schedule, etag: result.etag ?? '' };
    } catch (error) {
      return rethrowConflict(error, `Schedule ${schedule.tenantId}/${schedule.scheduleId}`);
    }
  }

  private async query(filter: string): Promise<StoredSchedule[]> {
    const schedules: StoredSchedule[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter },
    })) {
      schedules.push(fromEntity(entity));
    }
    return schedules;
  }
}

function withoutEtag(schedule: StoredSchedule): Schedule {
  const { etag: _etag, ...rest } = schedule;
  return rest;
}

function fromEntity(entity: TableEntityResult<Record<string, unknown>>): StoredSchedule {
  const schedule = parseWith(
    scheduleSchema,
    {
      tenantId: entity.partitionKey,
      scheduleId: entity.rowKey,
      intervalMinutes: numberField(entity.intervalMinutes),
      fullEveryN: numberField(entity.fullEveryN),
      enabled: entity.enabled,
      nextRunAt: entity.nextRunAt,
      lastRunAt: entity.lastRunAt ?? undefined,
      runCount: numberField(entity.runCount),
    },
    `stored schedule ${entity.partitionKey}/${entity.rowKey}`,
  );
  return { ...schedule, etag: entity.etag };
}
