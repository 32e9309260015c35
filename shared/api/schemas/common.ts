import { z } from 'zod';

/** Entra tenant ids are GUIDs; a clear message beats zod's default. */
export const tenantIdSchema = z.uuid({ message: 'tenantId must be a GUID' });

export const tenantParamsSchema = z.object({ tenantId: tenantIdSchema });

export const jobIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,80}$/, { message: 'jobId is malformed' });

export const snapshotIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,80}$/, { message: 'snapshotId is malformed' });

/** `a,b,c` in a query string. */
export const commaListSchema = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);
