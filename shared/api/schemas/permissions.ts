import { z } from 'zod';
import { commaListSchema } from './common';

/** `?modules=a,b`; absent means every module in the catalogue. */
export const permissionsQuerySchema = z.object({ modules: commaListSchema.optional() });

const permissionNeedSchema = z.object({
  permission: z.string(),
  modules: z.array(z.string()),
});

const tenantPermissionStatusSchema = z
  .object({
    tenantId: z.string(),
    clientId: z.string(),
    granted: z.array(z.string()),
    missing: z.object({ backup: z.array(z.string()), restore: z.array(z.string()) }),
    modulesAffected: z.object({ backup: z.array(z.string()), restore: z.array(z.string()) }),
  })
  .meta({ id: 'TenantPermissionStatus' });

export const permissionReportSchema = z
  .object({
    modules: z.array(z.string()),
    backup: z.array(z.string()),
    restore: z.array(z.string()),
    details: z.object({
      backup: z.array(permissionNeedSchema),
      restore: z.array(permissionNeedSchema),
    }),
    delegatedOnly: z.array(
      z.object({
        module: z.string(),
        reason: z.string(),
        delegatedPermissions: z.array(z.string()),
      }),
    ),
    tenant: tenantPermissionStatusSchema.optional(),
  })
  .meta({ id: 'PermissionReport' });
