import { z } from 'zod';
import { JOB_STATUSES } from '../../state/jobRepository';
import { jobIdSchema, tenantIdSchema } from './common';

/** `backup`, `restore`, `retention`, `verify`…: any job kind, so new kinds need no API change. */
export const jobTypeSchema = z
  .string()
  .regex(/^[a-z][A-Za-z]{1,31}$/, { message: 'type is a job kind such as backup or restore' });

const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const listAllJobsQuerySchema = z
  .object({
    tenantId: tenantIdSchema.transform((id) => id.toLowerCase()).optional(),
    type: jobTypeSchema.optional(),
    status: z.enum(JOB_STATUSES).optional(),
    since: isoTime.optional(),
    until: isoTime.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
  })
  .strict();

export const jobParamsSchema = z.object({
  tenantId: tenantIdSchema.transform((id) => id.toLowerCase()),
  jobId: jobIdSchema,
});

export const jobReportQuerySchema = z
  .object({ format: z.enum(['json', 'csv']).default('json') })
  .strict();
