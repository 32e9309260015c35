import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import { clientAddress, recordApiCall, recordApiSignIn } from './apiAudit';
import {
  type Principal,
  authenticate,
  processAuthConfig,
  requireRole,
  requireTenantAccess,
} from './auth';
import { errorResponse } from './errors';
import { assertContentLength, queryToObject, readJsonBody, validateInput } from './requestInput';
import {
  DEFAULT_MAX_BODY_BYTES,
  type DefinedRoute,
  type HttpHandler,
  type RoleRequirement,
  type RouteDefinition,
  addToRouteTable,
} from './routeTable';
import { parseRouteTemplate } from './routeTemplate';

export {
  DEFAULT_MAX_BODY_BYTES,
  type DefinedRoute,
  type HttpHandler,
  type HttpMethod,
  type RoleRequirement,
  type RouteDefinition,
  type RouteResponseSpec,
  findRoute,
  listRoutes,
} from './routeTable';

type Parsed<S, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;

/** What a route handler receives: validated input and the authenticated caller. */
export interface RouteInput<P, Q, B, R extends RoleRequirement> {
  params: Parsed<P, Record<string, string>>;
  query: Parsed<Q, Record<string, string | string[]>>;
  body: Parsed<B, undefined>;
  principal: R extends 'anonymous' ? undefined : Principal;
  request: HttpRequest;
  context: InvocationContext;
}

export type RouteHandler<P, Q, B, R extends RoleRequirement> = (
  input: RouteInput<P, Q, B, R>,
) => Promise<HttpResponseInit>;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Declares an HTTP route and adds it to the route table. The returned handler authenticates,
 * checks role and tenant assignment, validates params/query/body and maps errors to the error
 * envelope; register it with `registerHttpRoute` (Azure) or serve it with the local server.
 */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends RoleRequirement = RoleRequirement,
>(definition: RouteDefinition<P, Q, B, R>, handler: RouteHandler<P, Q, B, R>): DefinedRoute {
  const template = parseRouteTemplate(definition.route);
  const tenantParam =
    definition.tenantParam ?? (template.paramNames.includes('tenantId') ? 'tenantId' : false);
  const maxBodyBytes = definition.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const wrapped: HttpHandler = async (request, context) => {
    let principal: Principal | undefined;
    let tenantId: string | undefined;
    let response: HttpResponseInit;
    try {
      if (definition.minimumRole !== 'anonymous') {
        principal = await authenticate(request, processAuthConfig());
        if (principal.issuedAt !== undefined) {
          await recordApiSignIn(
            {
              caller: callerOf(principal),
              issuedAt: new Date(principal.issuedAt * 1000).toISOString(),
              source: clientAddress(request.headers),
              route: definition.name,
            },
            context,
          );
        }
        requireRole(principal, definition.minimumRole);
      }
      const rawParams = { ...request.params };
      const params = definition.params
        ? validateInput(definition.params, rawParams, 'params')
        : rawParams;
      if (definition.auditTenantOf) {
        try {
          tenantId = definition.auditTenantOf(params as Record<string, unknown>);
        } catch {
          // A malformed id is the handler's 400 to give; the row then goes under no tenant.
        }
      }
      if (principal && tenantParam) {
        const value = (params as Record<string, unknown>)[tenantParam];
        if (typeof value === 'string') {
          tenantId = value;
          requireTenantAccess(principal, value);
        }
      }
      const rawQuery = queryToObject(request.query);
      const query = definition.query
        ? validateInput(definition.query, rawQuery, 'query')
        : rawQuery;
      let body: unknown;
      if (definition.body) {
        body = validateInput(definition.body, await readJsonBody(request, maxBodyBytes), 'body');
      } else {
        assertContentLength(request, maxBodyBytes);
      }
      response = await handler({
        params,
        query,
        body,
        principal,
        request,
        context,
      } as RouteInput<P, Q, B, R>);
    } catch (err) {
      response = errorResponse(err, context);
    }
    if (MUTATING.has(request.method.toUpperCase())) {
      // Refused before the params were checked (401/403): still filed under the tenant named.
      if (!tenantId && tenantParam) tenantId = guidParam(request.params[tenantParam]);
      await recordApiCall(
        auditEntry(definition.name, request, context, response, principal, tenantId),
        context,
      );
    }
    return response;
  };

  const route: DefinedRoute = {
    definition: definition as unknown as RouteDefinition,
    template,
    handler: wrapped,
  };
  addToRouteTable(route);
  return route;
}

function auditEntry(
  routeName: string,
  request: HttpRequest,
  context: InvocationContext,
  response: HttpResponseInit,
  principal: Principal | undefined,
  tenantId: string | undefined,
) {
  const url = new URL(request.url);
  return {
    route: routeName,
    method: request.method.toUpperCase(),
    path: url.pathname + url.search,
    status: response.status ?? 200,
    tenantId,
    caller: principal && callerOf(principal),
    invocationId: context.invocationId,
    at: new Date().toISOString(),
    source: clientAddress(request.headers),
  };
}

function guidParam(value: string | undefined): string | undefined {
  return value && /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value)
    ? value.toLowerCase()
    : undefined;
}

function callerOf(principal: Principal) {
  return {
    subject: principal.subject,
    objectId: principal.objectId,
    callerTenantId: principal.callerTenantId,
    clientAppId: principal.clientAppId,
    displayName: principal.displayName,
  };
}
