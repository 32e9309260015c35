import { z } from 'zod';
import { tenantCredentialSchema } from '../../state/tenantRepository';

export const registerTenantBodySchema = z
  .object({
    displayName: z.string().min(1).max(256),
    credential: tenantCredentialSchema.optional(),
  })
  .strict();

export const backupScopeBodySchema = z
  .object({
    enableAll: z.boolean(),
    categories: z.record(z.string(), z.boolean()).default({}),
    modules: z.record(z.string(), z.boolean()).default({}),
  })
  .strict();

export const scheduleParamsSchema = z.object({
  tenantId: z.uuid({ message: 'tenantId must be a GUID' }),
  scheduleId: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'scheduleId: 1-40 of a-z, 0-9, -' }),
});

export const scheduleBodySchema = z
  .object({
    intervalMinutes: z.number().int().min(15).max(10080),
    fullEveryN: z.number().int().min(1).max(1000).optional(),
    enabled: z.boolean().default(true),
  })
  .strict();
