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
import {
  cronProblem,
  DEFAULT_INTERVAL_MINUTES,
  isTimeZone,
  MAX_INTERVAL_MINUTES,
  MIN_GAP_MINUTES,
  nextRunAfter,
  type Cadence,
} from '../schedules/cadence';
import { parseIsoDuration } from '../schedules/isoDuration';

/**
 * Backup schedules. A timer trigger calls `listDue(now)` and `markRun` for each one it starts.
 * A schedule runs on a cron expression in a time zone, or every `intervalMinutes`.
 */
export const MIN_INTERVAL_MINUTES = MIN_GAP_MINUTES;
export { MAX_INTERVAL_MINUTES };

// Normalised to UTC `toISOString()` form so the string comparison in listDue is time order.
const isoDateTime = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

export const scheduleSchema = z
  .object({
    tenantId: z.string().min(1).max(128),
    scheduleId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1-64 letters, digits, _ or -'),
    intervalMinutes: z
      .number()
      .int()
      .min(MIN_INTERVAL_MINUTES)
      .max(MAX_INTERVAL_MINUTES)
      .optional(),
    cron: z.string().min(9).max(120).optional(),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/Berlin')
      .optional(),
    /** A full (non-delta) read when the newest full snapshot is older than this (`P90D`). */
    fullEvery: z
      .string()
      .refine((v) => parseIsoDuration(v) !== undefined, 'fullEvery is an ISO duration like P90D')
      .optional(),
    enabled: z.boolean(),
    nextRunAt: isoDateTime,
    lastRunAt: isoDateTime.optional(),
    /** Runs so far. */
    runCount: z.number().int().nonnegative().optional(),
  })
  .superRefine((schedule, ctx) => {
    if ((schedule.cron === undefined) === (schedule.intervalMinutes === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give either cron or intervalMinutes, not both' });
      return;
    }
    if (schedule.cron !== undefined) {
      const problem = cronProblem(schedule.cron, schedule.timeZone ?? 'UTC');
      if (problem) ctx.addIssue({ code: 'custom', path: ['cron'], message: problem });
    }
  });
export type Schedule = z.infer<typeof scheduleSchema>;
/** nextRunAt defaults to the first slot after now (or now, with `runNow`). */
export type ScheduleInput = Omit<Schedule, 'nextRunAt' | 'runCount' | 'lastRunAt'> &
  Partial<Pick<Schedule, 'nextRunAt' | 'runCount' | 'lastRunAt'>> & { runNow?: boolean };
export type StoredSchedule = Schedule & { etag: string };

export function cadenceOf(
  schedule: Pick<Schedule, 'cron' | 'timeZone' | 'intervalMinutes'>,
): Cadence {
  return schedule.cron !== undefined
    ? { kind: 'cron', cron: schedule.cron, timeZone: schedule.timeZone ?? 'UTC' }
    : { kind: 'interval', intervalMinutes: schedule.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES };
}

export class ScheduleRepository {
  constructor(readonly table: TableClient = stateTableClient('schedules')) {}

  /**
   * Creates or replaces a schedule; run history (lastRunAt, runCount) is kept unless given.
   * nextRunAt is the first slot after now, or now itself with `runNow` (a first backup at the
   * next timer tick).
   */
  async upsert(input: ScheduleInput, now: Date = new Date()): Promise<StoredSchedule> {
    const existing =
      typeof input?.tenantId === 'string' && typeof input?.scheduleId === 'string'
        ? await this.get(input.tenantId, input.scheduleId).catch(() => undefined)
        : undefined;
    const { runNow, ...fields } = input ?? ({} as ScheduleInput);
    const definition = parseWith(
      scheduleSchema,
      { ...fields, nextRunAt: fields.nextRunAt ?? now.toISOString() },
      'schedule',
    );
    const nextRunAt =
      fields.nextRunAt ??
      (runNow ? now : nextRunAfter(cadenceOf(definition), now, now)).toISOString();
    const schedule = parseWith(
      scheduleSchema,
      {
        ...definition,
        nextRunAt,
        lastRunAt: fields.lastRunAt ?? existing?.lastRunAt,
        runCount: fields.runCount ?? existing?.runCount,
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
    const next = nextRunAfter(cadenceOf(schedule), now, new Date(schedule.nextRunAt));
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
      cron: schedule.cron,
      timeZone: schedule.timeZone,
      fullEvery: schedule.fullEvery,
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
      cron: entity.cron ?? undefined,
      timeZone: entity.timeZone ?? undefined,
      fullEvery: entity.fullEvery ?? undefined,
      enabled: entity.enabled,
      nextRunAt: entity.nextRunAt,
      lastRunAt: entity.lastRunAt ?? undefined,
      runCount: numberField(entity.runCount),
    },
    `stored schedule ${entity.partitionKey}/${entity.rowKey}`,
  );
  return { ...schedule, etag: entity.etag };
}
