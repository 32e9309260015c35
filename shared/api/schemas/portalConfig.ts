import { z } from 'zod';

export const portalConfigSchema = z
  .object({
    signIn: z.discriminatedUnion('mode', [
      z.object({
        mode: z.literal('msal'),
        clientId: z.string(),
        authority: z.string(),
        scopes: z.array(z.string()),
      }),
      z.object({
        /** `entra-backup serve` and the demo: the local process mints tokens at `tokenPath`. */
        mode: z.literal('local'),
        tokenPath: z.string(),
      }),
      z.object({ mode: z.literal('unconfigured'), message: z.string() }),
    ]),
  })
  .meta({ id: 'PortalConfig' });

export type PortalConfig = z.infer<typeof portalConfigSchema>;
