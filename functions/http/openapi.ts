import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { buildOpenApiDocument, toSwagger2 } from '../../shared/api/openapi';
import { registerHttpRoute } from '../../shared/api/registerRoute';
import { defineRoute } from '../../shared/api/route';
import { appVersion } from '../../shared/api/version';

export const OPENAPI_FUNCTION = 'openApiDocument';
export const SWAGGER_FUNCTION = 'swaggerDocument';

const documentSchema = z.record(z.string(), z.unknown());

/** Server URL as the caller reached us, so "try it" tools and connectors call the right host. */
function serverUrl(request: HttpRequest): string {
  const url = new URL(request.url);
  const forwardedHost = request.headers.get('x-forwarded-host');
  const forwardedProto = request.headers.get('x-forwarded-proto');
  const host = forwardedHost?.split(',')[0].trim() || url.host;
  const proto = forwardedProto?.split(',')[0].trim() || url.protocol.replace(':', '');
  return `${proto}://${host}/api`;
}

export const openApiRoute = defineRoute(
  {
    name: OPENAPI_FUNCTION,
    methods: ['GET'],
    route: 'openapi.json',
    minimumRole: 'Backup.Reader',
    summary: 'OpenAPI 3.0 description of this API',
    tags: ['Service'],
    responses: { 200: { description: 'OpenAPI 3.0 document', schema: documentSchema } },
  },
  async ({ request }) => ({
    status: 200,
    jsonBody: buildOpenApiDocument({ version: appVersion(), serverUrl: serverUrl(request) }),
  }),
);

export const swaggerRoute = defineRoute(
  {
    name: SWAGGER_FUNCTION,
    methods: ['GET'],
    route: 'swagger.json',
    minimumRole: 'Backup.Reader',
    summary: 'Swagger 2.0 description, for Logic Apps / Power Automate custom connectors',
    tags: ['Service'],
    responses: { 200: { description: 'Swagger 2.0 document', schema: documentSchema } },
  },
  async ({ request }) => ({
    status: 200,
    jsonBody: toSwagger2(
      buildOpenApiDocument({ version: appVersion(), serverUrl: serverUrl(request) }),
    ),
  }),
);

export const openApiHandler = openApiRoute.handler;
export const swaggerHandler = swaggerRoute.handler;

registerHttpRoute(openApiRoute);
registerHttpRoute(swaggerRoute);
