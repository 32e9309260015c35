import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import type { ApiRole } from './roles';
import type { RouteTemplate } from './routeTemplate';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RoleRequirement = ApiRole | 'anonymous';
export type HttpHandler = (
  request: HttpRequest,
  context: InvocationContext,
) => Promise<HttpResponseInit>;

export interface RouteResponseSpec {
  description: string;
  /** JSON body schema; omit for empty or non-JSON bodies. */
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
}

/** Everything about a route that is data: used by the wrapper, the OpenAPI builder and `serve`. */
export interface RouteDefinition<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends RoleRequirement = RoleRequirement,
> {
  /** Function name in Azure (`app.http(name, …)`) and OpenAPI operationId. */
  name: string;
  methods: readonly HttpMethod[];
  /** Azure Functions route template below `/api/`, e.g. `tenants/{tenantId}/backups`. */
  route: string;
  minimumRole: R;
  params?: P;
  query?: Q;
  /** JSON request body schema; the wrapper answers 415/413/400 before the handler runs. */
  body?: B;
  /** Default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /**
   * Route parameter naming a managed tenant, checked with requireTenantAccess. Defaults to
   * `tenantId` when the route has that parameter; `false` turns the check off.
   */
  tenantParam?: string | false;
  /**
   * The managed tenant a call's audit row goes under when no route parameter names it, from the
   * validated params (restore ids carry their tenant).
   */
  auditTenantOf?: (params: Record<string, unknown>) => string | undefined;
  summary: string;
  description?: string;
  tags?: string[];
  /** Success responses by status; error responses are added to the OpenAPI document for you. */
  responses?: Record<number, RouteResponseSpec>;
  /**
   * Errors this route answers beyond the common ones (400, 401, 403, 413, 415, 500), with when:
   * `404` unknown tenant or job, `409` a running job or a stale plan hash, `424` no consent.
   */
  errors?: Record<number, string>;
}

export interface DefinedRoute {
  definition: RouteDefinition;
  template: RouteTemplate;
  handler: HttpHandler;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const table = new Map<string, DefinedRoute>();

export function addToRouteTable(route: DefinedRoute): void {
  const name = route.definition.name;
  if (table.has(name)) throw new Error(`HTTP route "${name}" is defined twice`);
  table.set(name, route);
}

/** Every route defined so far in this process (modules define theirs when imported). */
export function listRoutes(): DefinedRoute[] {
  return [...table.values()];
}

export function findRoute(name: string): DefinedRoute | undefined {
  return table.get(name);
}
