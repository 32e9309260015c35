import { z } from 'zod';
import {
  cronProblem,
  isTimeZone,
  MAX_INTERVAL_MINUTES,
  MIN_GAP_MINUTES,
} from '../../schedules/cadence';
import { parseIsoDuration } from '../../schedules/isoDuration';
import { tenantIdSchema } from './common';

export const scheduleParamsSchema = z.object({
  tenantId: tenantIdSchema,
  scheduleId: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'scheduleId: 1-40 of a-z, 0-9, -' }),
});

/**
 * A schedule: `cron` (5 or 6 fields) read in `timeZone` (IANA, default UTC), or
 * `intervalMinutes`; neither means every 24 hours. `fullEvery` (ISO duration, `P90D`) forces a
 * full read when the newest full snapshot is that old. `runNow` makes the first run due at once.
 */
export const scheduleBodySchema = z
  .object({
    cron: z.string().min(9).max(120).optional(),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/Berlin')
      .optional(),
    intervalMinutes: z.number().int().min(MIN_GAP_MINUTES).max(MAX_INTERVAL_MINUTES).optional(),
    fullEvery: z
      .string()
      .refine((v) => parseIsoDuration(v) !== undefined, 'fullEvery is an ISO duration like P90D')
      .optional(),
    enabled: z.boolean().default(true),
    runNow: z.boolean().default(false),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.cron !== undefined && body.intervalMinutes !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give cron or intervalMinutes, not both' });
    }
    if (body.timeZone !== undefined && body.cron === undefined) {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'timeZone needs cron' });
    }
    if (body.cron !== undefined) {
      const problem = cronProblem(body.cron, body.timeZone ?? 'UTC');
      if (problem) ctx.addIssue({ code: 'custom', path: ['cron'], message: problem });
    }
  });
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;
