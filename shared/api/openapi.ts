import { z } from 'zod';
import { API_ROLES } from './roles';
import { type DefinedRoute, type RouteResponseSpec, listRoutes } from './routeTable';
import { toOpenApiPath } from './routeTemplate';

type Json = Record<string, unknown>;

export interface OpenApiOptions {
  routes?: DefinedRoute[];
  title?: string;
  version?: string;
  /** The API base, e.g. `https://app.azurewebsites.net/api`; default `/api`. */
  serverUrl?: string;
}

const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable error code.' },
        message: { type: 'string' },
        details: { description: 'Optional structured details, e.g. validation issues.' },
      },
    },
  },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (`validationFailed`, `invalidJson`)',
  401: 'Missing or invalid bearer token',
  403: 'Role or tenant assignment missing',
  413: 'Request body too large',
  415: 'Request body is not JSON',
  500: 'Unexpected error',
};

/** OpenAPI 3.0 document for every route in the table, schemas from the routes' zod schemas. */
export function buildOpenApiDocument(options: OpenApiOptions = {}): Json {
  const routes = [...(options.routes ?? listRoutes())].sort((a, b) =>
    a.definition.route.localeCompare(b.definition.route),
  );
  const schemas = new SchemaCollector();
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.template);
    const item = (paths[path] ??= {});
    for (const method of route.definition.methods) {
      const operationId =
        route.definition.methods.length > 1
          ? `${route.definition.name}_${method.toLowerCase()}`
          : route.definition.name;
      item[method.toLowerCase()] = operation(route, operationId, schemas);
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: options.title ?? 'entra-backup API',
      version: options.version ?? '0.0.0',
      description:
        'Backup and restore of Microsoft Entra ID tenant configuration. Long operations answer ' +
        '202 with a Location header to poll.',
    },
    servers: [{ url: options.serverUrl ?? '/api' }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: `Entra ID access token for the API app registration; app roles ${API_ROLES.join(' < ')}.`,
        },
      },
      schemas: { Error: ERROR_SCHEMA, ...schemas.all() },
    },
  };
}

function operation(route: DefinedRoute, operationId: string, schemas: SchemaCollector): Json {
  const def = route.definition;
  const anonymous = def.minimumRole === 'anonymous';
  const parameters: Json[] = [];
  const paramProps = objectProperties(def.params, schemas, operationId, 'input');
  for (const name of route.template.paramNames) {
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: paramProps.properties[name] ?? { type: 'string' },
    });
  }
  const queryProps = objectProperties(def.query, schemas, operationId, 'input');
  for (const [name, schema] of Object.entries(queryProps.properties)) {
    parameters.push({ name, in: 'query', required: queryProps.required.has(name), schema });
  }

  const op: Json = { operationId, summary: def.summary };
  if (def.description) op.description = def.description;
  if (def.tags?.length) op.tags = def.tags;
  if (parameters.length) op.parameters = parameters;
  if (def.body) {
    op.requestBody = {
      required: !def.body.safeParse(undefined).success,
      content: { 'application/json': { schema: schemas.convert(def.body, operationId, 'input') } },
    };
  }
  op.responses = responses(route, operationId, schemas);
  op.security = anonymous ? [] : [{ bearer: [] }];
  op['x-minimum-role'] = def.minimumRole;
  return op;
}

function responses(route: DefinedRoute, operationId: string, schemas: SchemaCollector): Json {
  const def = route.definition;
  const specs: Record<number, RouteResponseSpec> = def.responses ?? { 200: { description: 'OK' } };
  const result: Json = {};
  for (const [status, spec] of Object.entries(specs)) {
    const response: Json = { description: spec.description };
    if (spec.schema) {
      response.content = {
        [spec.contentType ?? 'application/json']: {
          schema: schemas.convert(spec.schema, operationId, 'output'),
        },
      };
    } else if (spec.contentType) {
      response.content = { [spec.contentType]: { schema: { type: 'string', format: 'binary' } } };
    }
    result[status] = response;
  }
  const errors = [500];
  if (def.params || def.query || def.body) errors.push(400);
  if (def.minimumRole !== 'anonymous') errors.push(401, 403);
  if (def.body) errors.push(413, 415);
  const described: Record<number, string> = { ...ERROR_DESCRIPTIONS, ...def.errors };
  errors.push(...Object.keys(def.errors ?? {}).map(Number));
  for (const status of [...new Set(errors)].sort()) {
    result[status] ??= {
      description: described[status],
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return result;
}

function objectProperties(
  schema: z.ZodType | undefined,
  schemas: SchemaCollector,
  owner: string,
  io: 'input' | 'output',
): { properties: Record<string, Json>; required: Set<string> } {
  if (!schema) return { properties: {}, required: new Set() };
  const json = schemas.convert(schema, owner, io);
  return {
    properties: (json.properties as Record<string, Json> | undefined) ?? {},
    required: new Set((json.required as string[] | undefined) ?? []),
  };
}

/**
 * Converts zod schemas and hoists their shared definitions (`.meta({ id })`, recursion) into
 * `components.schemas`, renaming anonymous ones per operation so they cannot collide.
 */
class SchemaCollector {
  private readonly definitions: Record<string, Json> = {};

  convert(schema: z.ZodType, owner: string, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, {
      target: 'openapi-3.0',
      io,
      unrepresentable: 'any',
    }) as Json;
    delete json.$schema;
    const local = (json.definitions ?? {}) as Record<string, Json>;
    delete json.definitions;
    const renames = new Map<string, string>();
    for (const name of Object.keys(local)) {
      renames.set(name, name.startsWith('__') ? `${owner}${name.replace(/^_+/, '_')}` : name);
    }
    // Same id, different shape (input vs output of one schema, or a clash): rename, don't merge.
    for (const [name, definition] of Object.entries(local)) {
      const base = renames.get(name) as string;
      const candidates = [
        base,
        io === 'input' ? `${base}Input` : `${base}Output`,
        `${owner}_${base}`,
      ];
      for (const candidate of candidates) {
        renames.set(name, candidate);
        const existing = this.definitions[candidate];
        const rewritten = rewriteRefs(definition, renames) as Json;
        if (!existing || JSON.stringify(existing) === JSON.stringify(rewritten)) break;
      }
    }
    for (const [name, target] of renames) {
      this.definitions[target] = rewriteRefs(local[name], renames) as Json;
    }
    return rewriteRefs(json, renames) as Json;
  }

  all(): Record<string, Json> {
    return this.definitions;
  }
}

function rewriteRefs(value: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renames));
  if (value === null || typeof value !== 'object') return value;
  const result: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/definitions/')) {
      const name = item.slice('#/definitions/'.length);
      result[key] = `#/components/schemas/${renames.get(name) ?? name}`;
    } else {
      result[key] = rewriteRefs(item, renames);
    }
  }
  return result;
}

export { type Swagger2Options, toSwagger2 } from './swagger2';
