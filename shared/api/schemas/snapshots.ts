import { z } from 'zod';
import { snapshotIdSchema, tenantIdSchema } from './common';

export const snapshotParamsSchema = z.object({
  tenantId: tenantIdSchema,
  snapshotId: snapshotIdSchema,
});

export const objectQuerySchema = z
  .object({
    module: z.string().min(1).max(100).optional(),
    id: z.string().min(1).max(200).optional(),
    search: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const downloadQuerySchema = z
  .object({
    module: z.string().min(1).max(100).optional(),
    id: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((q) => !q.id || q.module, { message: 'id needs module', path: ['id'] });
