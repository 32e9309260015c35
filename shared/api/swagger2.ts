type Json = Record<string, unknown>;

export interface Swagger2Options {
  /** Host (and port) callers use, e.g. `myapp.azurewebsites.net`; taken from an absolute server URL otherwise. */
  host?: string;
}

const PARAM_KEYWORDS = [
  'type',
  'format',
  'enum',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'items',
  'description',
];

/**
 * Swagger 2.0 rendering of our OpenAPI 3.0 document, for Logic Apps / Power Automate custom
 * connectors (which only import 2.0). Handles what our documents contain: path/query/body
 * parameters, JSON responses, component schemas, bearer security as Entra OAuth2.
 */
export function toSwagger2(openapi: Json, options: Swagger2Options = {}): Json {
  const server =
    ((openapi.servers as Json[] | undefined)?.[0]?.url as string | undefined) ?? '/api';
  const absolute = /^https?:\/\//i.test(server) ? new URL(server) : undefined;
  const components = (openapi.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Record<string, Json>;

  const paths: Record<string, Json> = {};
  for (const [path, item] of Object.entries((openapi.paths ?? {}) as Record<string, Json>)) {
    const converted: Json = {};
    for (const [method, op] of Object.entries(item))
      converted[method] = convertOperation(op as Json);
    paths[path] = converted;
  }

  const definitions: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) definitions[name] = convertSchema(schema);

  const swagger: Json = {
    swagger: '2.0',
    info: openapi.info,
    host: options.host ?? absolute?.host,
    basePath: absolute ? absolute.pathname.replace(/\/$/, '') || '/' : server,
    schemes: [absolute?.protocol === 'http:' ? 'http' : 'https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
    definitions,
    securityDefinitions: {
      oauth2_auth: {
        type: 'oauth2',
        flow: 'accessCode',
        authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/authorize',
        tokenUrl: 'https://login.microsoftonline.com/common/oauth2/token',
        scopes: {},
        description: 'Entra ID (Azure AD) sign-in for the API app registration.',
      },
    },
  };
  if (swagger.host === undefined) delete swagger.host;
  return swagger;
}

function convertOperation(op: Json): Json {
  const result: Json = {};
  for (const key of ['operationId', 'summary', 'description', 'tags', 'x-minimum-role']) {
    if (op[key] !== undefined) result[key] = op[key];
  }
  const parameters: Json[] = ((op.parameters ?? []) as Json[]).map(convertParameter);
  const requestBody = op.requestBody as Json | undefined;
  if (requestBody) {
    const content = (requestBody.content ?? {}) as Record<string, Json>;
    const json = content['application/json'];
    parameters.push({
      name: 'body',
      in: 'body',
      required: Boolean(requestBody.required),
      schema: convertSchema(json?.schema ?? {}),
    });
  }
  if (parameters.length) result.parameters = parameters;

  const responses: Json = {};
  for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
    const converted: Json = { description: response.description ?? '' };
    const content = response.content as Record<string, Json> | undefined;
    if (content) {
      const [mediaType, media] = Object.entries(content)[0];
      converted.schema = /json/i.test(mediaType)
        ? convertSchema(media.schema ?? {})
        : { type: 'file' };
    }
    responses[status] = converted;
  }
  result.responses = responses;
  const security = op.security as unknown[] | undefined;
  result.security = security && security.length === 0 ? [] : [{ oauth2_auth: [] }];
  return result;
}

function convertParameter(parameter: Json): Json {
  const schema = convertSchema(parameter.schema ?? { type: 'string' }) as Json;
  const result: Json = { name: parameter.name, in: parameter.in, required: parameter.required };
  for (const key of PARAM_KEYWORDS) if (schema[key] !== undefined) result[key] = schema[key];
  result.type ??= 'string';
  if (result.type === 'array') result.collectionFormat = 'multi';
  if (schema['x-nullable']) result['x-nullable'] = true;
  return result;
}

/** OpenAPI 3.0 schema → Swagger 2.0 schema: refs, `nullable`, and unions (which 2.0 lacks). */
function convertSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(convertSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const result: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === '$ref' && typeof value === 'string') {
      result.$ref = value.replace('#/components/schemas/', '#/definitions/');
    } else if (key === 'nullable') {
      if (value === true) result['x-nullable'] = true;
    } else if (key === 'anyOf' || key === 'oneOf') {
      // 2.0 has no unions: accept any value and keep the alternatives as documentation.
      result[`x-${key}`] = convertSchema(value);
    } else if (key === 'properties' && value && typeof value === 'object') {
      const properties: Json = {};
      for (const [name, property] of Object.entries(value as Json)) {
        properties[name] = convertSchema(property);
      }
      result.properties = properties;
    } else {
      result[key] = convertSchema(value);
    }
  }
  return result;
}
