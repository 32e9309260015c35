import { z } from 'zod';

export const restoreIdParamsSchema = z.object({
  restoreId: z
    .string()
    .regex(/^[0-9a-fA-F-]{36}\.\d{8}T\d{9}Z-[0-9a-z]+$/, { message: 'restoreId is malformed' }),
});

export const startRestoreBodySchema = z
  .object({
    source: z.union([
      z.object({ snapshotId: z.string().regex(/^[A-Za-z0-9-]{8,80}$/) }).strict(),
      z.object({ uploadId: z.string().regex(/^[A-Za-z0-9-]{8,80}$/) }).strict(),
    ]),
    modules: z.array(z.string().min(1).max(100)).max(200).optional(),
    objectIds: z.array(z.string().min(1).max(200)).max(10_000).optional(),
    relationshipMode: z.enum(['merge', 'rollback', 'skip']).default('merge'),
    caPolicyLossMode: z.enum(['block', 'createDisabled']).default('block'),
    /** true: plan only. false (default): plan, then wait for a confirmation carrying the plan hash. */
    dryRun: z.boolean().default(false),
    expiresInHours: z.number().min(0.1).max(168).default(24),
  })
  .strict();

export const confirmRestoreBodySchema = z
  .object({
    planHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'planHash must be 64 hex digits' }),
  })
  .strict();

export const cancelRestoreBodySchema = z
  .object({ reason: z.string().max(500).optional() })
  .strict();

export const restoreViewQuerySchema = z
  .object({ plan: z.enum(['json', 'text']).optional() })
  .strict();
