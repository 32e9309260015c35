import { portalConfigFromEnv } from '../../shared/api/portalConfig';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { defineRoute } from '../../shared/api/route';
import { portalConfigSchema } from '../../shared/api/schemas/portalConfig';

export const PORTAL_CONFIG_FUNCTION = 'portalConfig';

/** Anonymous: the portal reads it before anyone has signed in, and it holds no secret. */
export const portalConfigRoute = defineRoute(
  {
    name: PORTAL_CONFIG_FUNCTION,
    methods: ['GET'],
    route: 'portal-config',
    minimumRole: 'anonymous',
    summary: "How the admin portal signs in (MSAL settings, or the local process's sign-in)",
    tags: ['Service'],
    responses: { 200: { description: 'Sign-in settings', schema: portalConfigSchema } },
  },
  async () => ({ status: 200, jsonBody: portalConfigFromEnv() }),
);

registerHttpRoute(portalConfigRoute);
