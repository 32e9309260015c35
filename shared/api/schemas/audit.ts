import { z } from 'zod';
import { tenantIdSchema } from './common';

const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const auditQuerySchema = z
  .object({
    tenantId: tenantIdSchema.transform((id) => id.toLowerCase()).optional(),
    actor: z.string().min(1).max(512).optional(),
    action: z.string().min(1).max(128).optional(),
    since: isoTime.optional(),
    until: isoTime.optional(),
    /** Per page; a CSV export takes up to 10000 rows at once. */
    limit: z.coerce.number().int().min(1).max(10000).default(100),
    skipToken: z
      .string()
      .regex(/^\d{15}-[0-9a-f]{8,64}$/, { message: 'skipToken is not one this API gave' })
      .optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;
