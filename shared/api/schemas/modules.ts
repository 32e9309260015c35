import { z } from 'zod';

const moduleEntrySchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    category: z.string(),
    graphVersion: z.enum(['v1.0', 'beta']),
    delta: z.boolean(),
    /** `backupOnly` modules are read and exported but never written back. */
    restore: z.enum(['createOrUpdate', 'singleton', 'backupOnly']),
    backupOnlyReason: z.string().optional(),
    readPermissions: z.array(z.string()),
    writePermissions: z.array(z.string()),
  })
  .meta({ id: 'CatalogueModule' });

export const moduleCatalogueSchema = z
  .object({
    /** Category names in display order. */
    categories: z.array(z.string()),
    value: z.array(moduleEntrySchema),
  })
  .meta({ id: 'ModuleCatalogue' });

export type ModuleCatalogue = z.infer<typeof moduleCatalogueSchema>;
