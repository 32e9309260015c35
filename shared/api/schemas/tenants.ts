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
