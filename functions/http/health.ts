import { app } from '@azure/functions';
import { z } from 'zod';
import { defineRoute } from '../../shared/api/route';
import { appVersion } from '../../shared/api/version';

export const HEALTH_FUNCTION = 'health';

const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });

/** Liveness probe: anonymous, touches no storage, so it stays cheap for load balancers. */
export const healthRoute = defineRoute(
  {
    name: HEALTH_FUNCTION,
    methods: ['GET'],
    route: 'health',
    minimumRole: 'anonymous',
    summary: 'Liveness check',
    tags: ['Service'],
    responses: { 200: { description: 'The API is up', schema: healthSchema } },
  },
  async () => ({ status: 200, jsonBody: { status: 'ok', version: appVersion() } }),
);

export const healthHandler = healthRoute.handler;

app.http(HEALTH_FUNCTION, {
  methods: ['GET'],
  route: 'health',
  authLevel: 'anonymous',
  handler: healthHandler,
});
