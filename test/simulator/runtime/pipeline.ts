import crypto from 'node:crypto';
import { GraphError, graphErrorBody } from '../errors';
import type { HandlerContext, SimRequest, SimResponse } from '../handlers/context';
import { DeltaSessions } from '../handlers/deltaSessions';
import { type Route, resolveRoute } from '../handlers/router';
import { type ODataQuery, parseQuery } from '../odata/query';
import { SeededRandom } from '../random';
import type { TenantStore } from '../store/tenantStore';
import { CounterSet, resourceUnitQuota } from './counters';
import { FaultInjector } from './faults';
import { Throttler } from './throttling';
import { unverifiedTenantOf, verifyIssuedToken } from '../identity/accessTokens';

export interface PipelineOptions {
  token: string;
  throttling: boolean;
  latency: { baseMs: number; perObjectMs: number } | false;
  seed: number;
}

const VERSIONS = new Set(['v1.0', 'beta']);

/** RU cost of a request: base cost with graph-notes 1.3 modifiers, never below 1. */
export function requestCost(route: Route, method: string, query: ODataQuery): number {
  if (method !== 'GET') return Math.max(1, route.baseCost);
  let cost = route.baseCost;
  if (query.select) cost -= 1;
  if (query.expand) cost += 1;
  if (query.top !== undefined && query.top < 20) cost -= 1;
  return Math.max(1, cost);
}

/**
 * Everything between the socket and the handlers: version, auth, faults, routing, throttling,
 * counters, latency. $batch re-enters `execute` for each inner request.
 */
export class Pipeline {
  readonly counters = new CounterSet();
  readonly faults: FaultInjector;
  readonly deltaSessions = new DeltaSessions();
  /** Who presented which token (by tenant and app), accepted or not: tests assert on it. */
  private readonly tokenUse = new Map<
    string,
    { tenantId: string; appId: string; accepted: boolean; requests: number }
  >();

  get tokensSeen(): { tenantId: string; appId: string; accepted: boolean; requests: number }[] {
    return [...this.tokenUse.values()];
  }
  private throttler: Throttler;
  private ids: SeededRandom;
  baseUrl = '';

  constructor(
    readonly store: TenantStore,
    readonly options: PipelineOptions,
  ) {
    this.faults = new FaultInjector(options.seed);
    this.ids = new SeededRandom(options.seed);
    this.throttler = new Throttler(resourceUnitQuota(store.count('users')), store.tenantId);
  }

  newId = (): string => this.ids.guid();

  setThrottling(on: boolean): void {
    this.options.throttling = on;
    this.throttler = new Throttler(
      resourceUnitQuota(this.store.count('users')),
      this.store.tenantId,
    );
  }

  ruQuota(): number {
    return resourceUnitQuota(this.store.count('users'));
  }

  /** 'reset' means: drop the connection (connectionReset fault). */
  async execute(req: SimRequest, inBatch = false): Promise<SimResponse | 'reset'> {
    const requestId = crypto.randomUUID();
    const clientRequestId = req.headers['client-request-id'] ?? requestId;
    const started = this.store.now();
    const fail = (e: GraphError): SimResponse => ({
      status: e.status,
      headers: { ...e.headers, 'content-type': 'application/json' },
      body: graphErrorBody(e.code, e.message, requestId, clientRequestId, started),
    });
    const segments = req.path.split('/').filter(Boolean);
    const version = segments[0];
    if (!VERSIONS.has(version))
      return this.finish(
        fail(new GraphError(404, 'NotFound', `Unknown API version '${version ?? ''}'.`)),
        requestId,
        clientRequestId,
        0,
      );

    const auth = req.headers['authorization'] ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
    if (!token)
      return this.finish(
        fail(new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.')),
        requestId,
        clientRequestId,
        0,
      );
    if (!this.tokenAccepted(token)) {
      return this.finish(
        fail(new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failed.')),
        requestId,
        clientRequestId,
        0,
      );
    }

    let route: Route;
    let query: ODataQuery;
    try {
      route = resolveRoute(req.method, segments.slice(1), version);
      query = parseQuery(req.query);
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      this.counters.request(`${req.method} (unmatched)`, inBatch);
      this.counters.served(1, false, 0, 0);
      return this.finish(fail(e), requestId, clientRequestId, 1);
    }
    this.counters.request(`${req.method} ${route.template}`, inBatch);

    const failure = this.faults.failureFor(`/${segments.slice(1).join('/')}`);
    if (failure) {
      return this.finish(
        fail(new GraphError(failure.status, failure.code, failure.message)),
        requestId,
        clientRequestId,
        0,
      );
    }
    const fault = this.faults.decide(!inBatch);
    if (fault.kind === 'reset') return 'reset';
    const faultDelay = fault.delayMs;
    if (fault.kind === 'storm') {
      this.counters.throttledRequest();
      const e = new GraphError(429, 'TooManyRequests', 'Too many requests.', {
        'retry-after': String(fault.retryAfterSeconds),
        'x-ms-throttle-scope': `Tenant_Application/ReadWrite/simulator/${this.store.tenantId}`,
        'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
      });
      return this.finish(fail(e), requestId, clientRequestId, 0, faultDelay);
    }
    if (fault.kind === 'unavailable') {
      const headers: Record<string, string> = fault.retryAfter
        ? { 'retry-after': String(fault.retryAfter) }
        : {};
      return this.finish(
        fail(
          new GraphError(
            503,
            'serviceNotAvailable',
            'The service is temporarily unavailable.',
            headers,
          ),
        ),
        requestId,
        clientRequestId,
        0,
        faultDelay,
      );
    }

    const cost = requestCost(route, req.method, query);
    if (this.options.throttling && route.template !== '/$batch') {
      this.throttler.setQuota(this.ruQuota());
      const decision = this.throttler.check(cost, route.write);
      if (!decision.ok) {
        this.counters.throttledRequest();
        const e = new GraphError(429, 'TooManyRequests', 'Too many requests.', {
          'retry-after': String(decision.retryAfterSeconds),
          'x-ms-throttle-scope': decision.scope!,
          'x-ms-throttle-information': decision.information!,
        });
        return this.finish(fail(e), requestId, clientRequestId, 0, faultDelay);
      }
    }

    const ctx: HandlerContext = {
      store: this.store,
      req,
      query,
      apiBase: `${this.baseUrl}/${version}`,
      newId: this.newId,
      execute: async (inner) => {
        const r = await this.execute(inner, true);
        return r === 'reset' ? { status: 500, body: undefined } : r;
      },
      deltaSessions: this.deltaSessions,
    };
    let response: SimResponse;
    try {
      response = await route.run(ctx);
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      response = fail(e);
    }
    const ru = route.template === '/$batch' ? 0 : cost;
    const objects = response.objects ?? 0;
    const latency = this.options.latency
      ? this.options.latency.baseMs + this.options.latency.perObjectMs * objects
      : 0;
    this.counters.served(ru, route.write && response.status < 400, objects, latency);
    if (route.write) this.counters.writeResult(req.method, response.status);
    return this.finish(
      response,
      requestId,
      clientRequestId,
      ru,
      faultDelay + latency + (response.delayMs ?? 0),
    );
  }

  /**
   * The configured static token, or a token our identity endpoints issued — in both cases only
   * when it was issued for this tenant (`tid`). Graph routes a request by its token's tenant;
   * one simulator is one tenant, so another tenant's token is a mix-up and must fail loudly.
   */
  private tokenAccepted(token: string): boolean {
    const issued = verifyIssuedToken(token);
    const tenantId = issued?.tid ?? unverifiedTenantOf(token);
    const ownTenant = tenantId === undefined || tenantId === this.store.tenantId;
    const valid =
      issued !== undefined
        ? issued.aud === 'https://graph.microsoft.com' &&
          issued.exp > Math.floor(this.store.now().getTime() / 1000)
        : token === this.options.token;
    const accepted = valid && ownTenant;
    const appId = issued?.appid ?? '';
    const key = `${tenantId ?? ''}|${appId}|${accepted}`;
    const use = this.tokenUse.get(key) ?? {
      tenantId: tenantId ?? '',
      appId,
      accepted,
      requests: 0,
    };
    use.requests++;
    this.tokenUse.set(key, use);
    return accepted;
  }

  private finish(
    response: SimResponse,
    requestId: string,
    clientRequestId: string,
    ru: number,
    delayMs = 0,
  ): SimResponse {
    response.headers = {
      ...(response.headers ?? {}),
      'request-id': requestId,
      'client-request-id': clientRequestId,
      'x-ms-resource-unit': String(ru),
    };
    response.delayMs = delayMs;
    return response;
  }
}
