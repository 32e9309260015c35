import { z } from 'zod';
import { jobIdSchema, tenantIdSchema } from './common';

export const startBackupBodySchema = z
  .object({
    modules: z.array(z.string().min(1).max(100)).max(200).optional(),
    full: z.boolean().optional(),
  })
  .strict();

export const backupJobParamsSchema = z.object({ tenantId: tenantIdSchema, jobId: jobIdSchema });

export const listJobsQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();

export const backupAcceptedSchema = z.object({
  jobId: z.string(),
  snapshotId: z.string(),
  tenantId: z.string(),
  statusUrl: z.string(),
});
